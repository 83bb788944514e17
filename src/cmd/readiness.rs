//! `ismap-gap readiness`: a CSP's own control list against the catalog's mandatory rules.
use anyhow::Result;

use crate::cmd::Context;
use crate::config::ReadinessConfig;
use crate::error::Exit;

pub fn run(_ctx: &Context, _cfg: ReadinessConfig) -> Result<Exit> {
    anyhow::bail!("readiness is not built yet")
}
