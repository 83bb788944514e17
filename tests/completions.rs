//! `ismap-gap completions bash` sourced into a real bash and asked to complete, as the
//! shell does on TAB: subcommands, each subcommand's options and an option's values.
mod common;

use std::process::Command;

use common::bin;

/// The words bash offers for `words` (the last one is being completed), after sourcing
/// the script `ismap-gap completions bash` prints and calling the function it registers
/// for `ismap-gap` (`complete -p`); `None` when bash is missing.
fn complete(words: &[&str]) -> Option<Vec<String>> {
    let script = bin().args(["completions", "bash"]).output().unwrap();
    assert!(script.status.success());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ismap-gap.bash");
    std::fs::write(&path, &script.stdout).unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; COMP_LINE='{}'; COMP_POINT=${{#COMP_LINE}}; \
         f=$(complete -p ismap-gap | sed 's/.*-F \\([^ ]*\\).*/\\1/'); \
         \"$f\" ismap-gap '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        quoted.join(" "),
        words.join(" "),
        words[cword],
        words[cword - 1],
    );
    let out = match Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipped: bash cannot be run ({e})");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn bash_completes_subcommands_their_options_and_option_values() {
    let Some(top) = complete(&["ismap-gap", ""]) else {
        return;
    };
    for sub in [
        "report",
        "readiness",
        "compare",
        "diff",
        "catalog",
        "suggest",
    ] {
        assert!(top.iter().any(|w| w == sub), "{sub} not offered: {top:?}");
    }

    let Some(report) = complete(&["ismap-gap", "report", "--"]) else {
        return;
    };
    for option in [
        "--checks",
        "--csp",
        "--format",
        "--review",
        "--fail-on",
        "--as-of",
    ] {
        assert!(
            report.iter().any(|w| w == option),
            "{option} not offered after `report`: {report:?}"
        );
    }

    let Some(formats) = complete(&["ismap-gap", "report", "--format", ""]) else {
        return;
    };
    for format in ["table", "json", "csv", "md", "xlsx"] {
        assert!(
            formats.iter().any(|w| w == format),
            "{format} not offered for --format: {formats:?}"
        );
    }

    // a nested subcommand and a global option after it
    let Some(show) = complete(&["ismap-gap", "catalog", "show", "--"]) else {
        return;
    };
    assert!(show.iter().any(|w| w == "--format"), "{show:?}");
    let Some(readiness) = complete(&["ismap-gap", "readiness", "--fail-on", ""]) else {
        return;
    };
    assert_eq!(readiness, ["missing"]);
}
