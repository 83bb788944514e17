//! Pure analysis: catalog, check items and attestations in, results out. No I/O, no printing.
pub mod compare;
pub mod csp;
pub mod diff;
pub mod gap;
pub mod procedures;
pub mod readiness;
pub mod registration;
pub mod review;
pub mod status;
pub mod suggest;

pub use csp::{resolve_attestation, CspControls, CspState};
pub use gap::{analyse, GapReport, ItemResult, Reason, Summary};
pub use status::Status;
