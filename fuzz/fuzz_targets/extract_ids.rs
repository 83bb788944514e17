//! Fuzz the pasted-text id extractor: every id it takes parses as a plausible listed id.
#![no_main]
use ismap_gap::catalog::id::IsmapId;
use ismap_gap::input::csp::extract_ids;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (ids, _ignored) = extract_ids(text.lines().enumerate().map(|(i, l)| (i + 1, l.to_owned())));
    for listed in ids {
        let parsed = IsmapId::parse(&listed.raw);
        assert!(
            parsed.is_some_and(|p| p.is_plausible_listed_id()),
            "{}",
            listed.raw
        );
    }
});
