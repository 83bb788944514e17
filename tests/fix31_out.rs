//! Review 22's findings on session 13's outputs (fix31-out): suggest's other meanings
//! (D-3), diff's count of ids stated through another id (D-1) and the registration cells
//! of a bare pasted list in diff's CSV (D-2).
mod common;

use common::bin;

/// `suggest --checks (items) --format json` in `lang`: per item, its outcome and its
/// candidates (id, score).
fn suggested(lang: &str, items: &[&str]) -> Vec<(String, Vec<(String, f64)>)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("items.csv");
    let mut csv = String::from("項番,確認項目\n");
    for (i, item) in items.iter().enumerate() {
        csv.push_str(&format!("S{:02},{item}\n", i + 1));
    }
    std::fs::write(&path, csv).unwrap();
    let mut c = bin();
    c.args(["--lang", lang, "suggest", "--checks"])
        .arg(&path)
        .args(["--format", "json"]);
    let v = common::json_of(c);
    let items = v["items"].as_array().unwrap();
    items
        .iter()
        .map(|i| {
            let candidates = i["suggestions"].as_array().unwrap();
            let candidates = candidates.iter().map(|s| {
                let id = s["id"].as_str().unwrap().to_owned();
                (id, s["score"].as_f64().unwrap())
            });
            (
                i["outcome"].as_str().unwrap().to_owned(),
                candidates.collect(),
            )
        })
        .collect()
}

fn score(got: &[(String, f64)], id: &str) -> f64 {
    got.iter().find(|(g, _)| g == id).map_or(0.0, |g| g.1)
}

/// Review 22 D-3: one compound of another meaning (`バックアップ電源`, `バックアップ回線`)
/// cancelled every `バックアップ` of the item, though it also asks for data backup in so
/// many words: 12.3.1 was gone. Now the word used on its own elsewhere counts. Guards: the
/// compound alone still makes no confident 12.3.1, nor review 19's one-sense shapes.
#[test]
fn a_word_also_used_in_its_own_meaning_keeps_its_candidate() {
    let both = [
        "データのバックアップを毎日取得し、停電に備えバックアップ電源も確保していること",
        "バックアップデータの復旧手順があり、バックアップ回線も冗長化されていること",
    ];
    for (text, (outcome, got)) in both.iter().zip(suggested("ja", &both)) {
        assert!(score(&got, "12.3.1") >= 0.5, "{text}: {got:?}");
        assert_eq!(outcome, "suggested", "{text}");
    }
    let other = [
        "停電に備えバックアップ電源を確保していること",
        "バックアップ回線を冗長化していること",
        "ロッカーの鍵の管理",
        "ログイン画面に自社ロゴを表示できること",
    ];
    let ids = ["12.3.1", "12.3.1", "10.1.2", "9.4.2"];
    for ((text, id), (_, got)) in other.iter().zip(ids).zip(suggested("ja", &other)) {
        assert!(score(&got, id) < 0.5, "{text}: {id} {got:?}");
    }
}
