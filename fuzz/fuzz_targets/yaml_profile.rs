//! Fuzz the YAML CSP profile loader: an error or a profile, never a panic or a hang.
#![no_main]
use std::path::Path;

use ismap_gap::input::csp::profile_from_str;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = profile_from_str(Path::new("/nonexistent/fuzz.yaml"), text);
});
