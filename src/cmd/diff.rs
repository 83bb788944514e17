//! `ismap-gap diff OLD NEW`: two control lists compared.
use anyhow::Result;

use crate::cmd::Context;
use crate::config::DiffConfig;
use crate::error::Exit;

pub fn run(_ctx: &Context, _cfg: DiffConfig) -> Result<Exit> {
    anyhow::bail!("diff is not built yet")
}
