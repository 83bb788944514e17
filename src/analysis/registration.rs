//! The registry facts of a service as the deliverables show them — its own and those of
//! every service it runs on (profile `inherits:`): one description for both.
use serde::Serialize;

use crate::analysis::csp::Registration;
use crate::date::Date;
use crate::model::{Attestation, Period, RegistrationKind};

/// A service's registration on the ISMAP cloud service list, judged on the report's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registry {
    pub registration_number: Option<String>,
    /// `ismap` or `ismap-liu`, when the input says.
    pub registration_kind: Option<RegistrationKind>,
    pub registered: Option<Date>,
    pub renewal_deadline: Option<Date>,
    /// Valid, lapsed, not yet valid, or not checked (no renewal deadline given), on the
    /// report's date.
    pub registration: Registration,
    pub audit_period: Option<Period>,
}

impl Registry {
    pub fn of(att: &Attestation, as_of: Date) -> Registry {
        Registry {
            registration_number: att.registration_number.clone(),
            registration_kind: att.registration_kind,
            registered: att.registered,
            renewal_deadline: att.renewal_deadline,
            registration: Registration::of(att, as_of),
            audit_period: att.audit_period,
        }
    }

    /// Whether the input states any registry fact of the service: its registration number,
    /// kind, registration date, renewal deadline or audit period. A list stating none (a
    /// statement `readiness` wrote, a status table of the CSP's own) has no registration
    /// to speak of beside its rows.
    pub fn states_any(&self) -> bool {
        self.registration_number.is_some()
            || self.registration_kind.is_some()
            || self.registered.is_some()
            || self.renewal_deadline.is_some()
            || self.audit_period.is_some()
    }
}

/// A service a CSP runs on (profile `inherits:`), with its registration, and the service
/// it runs on in turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnderlyingInfo {
    pub name: String,
    /// Its profile's file name.
    pub source: String,
    #[serde(flatten)]
    pub registry: Registry,
    pub inherits: Option<Box<UnderlyingInfo>>,
    /// Its statement scope compared with the first service's (`report`'s summary line;
    /// not in the JSON, whose `csp.inherits` fields are the registry's).
    #[serde(skip)]
    pub scope: ScopeCompared,
}

/// How the statement scope of a service underneath compares with the scope of the service
/// relying on it ([`crate::analysis::gap::ExcludedParts::left_out_of`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ScopeCompared {
    /// Either scope unstated with nothing to compare (the service's names no region).
    #[default]
    NotCompared,
    /// Compared: nothing the service's scope names is left out.
    Includes,
    /// What the service's scope names that this one's leaves out.
    LeavesOut(Vec<String>),
    /// This one states no scope, and the service's names a region: nothing shows what
    /// this statement covers.
    NotStated,
}

impl UnderlyingInfo {
    /// The service `att` runs on, and those under it, each judged on `as_of`.
    pub fn of(att: &Attestation, as_of: Date) -> Option<UnderlyingInfo> {
        let over = crate::analysis::gap::ExcludedParts::of_statement(att);
        UnderlyingInfo::under(att, (&att.scope, &over), as_of)
    }

    /// The service `att` runs on, its scope compared with `top`'s (the first service's
    /// scope, as written and read).
    fn under(
        att: &Attestation,
        top: (&[String], &crate::analysis::gap::ExcludedParts),
        as_of: Date,
    ) -> Option<UnderlyingInfo> {
        let under = &att.underlying.as_deref()?.attestation;
        let left = crate::analysis::gap::ExcludedParts::of_statement(under).left_out_of(top.1);
        let scope = if !left.is_empty() && under.scope.is_empty() {
            ScopeCompared::NotStated
        } else if !left.is_empty() {
            ScopeCompared::LeavesOut(left)
        } else if under.scope.is_empty() || top.0.is_empty() {
            ScopeCompared::NotCompared
        } else {
            ScopeCompared::Includes
        };
        Some(UnderlyingInfo {
            name: under.display_name(),
            source: crate::analysis::gap::file_name(&under.source),
            registry: Registry::of(under, as_of),
            inherits: UnderlyingInfo::under(under, top, as_of).map(Box::new),
            scope,
        })
    }

    /// This service, then those under it, nearest first.
    pub fn chain(&self) -> impl Iterator<Item = &UnderlyingInfo> {
        std::iter::successors(Some(self), |u| u.inherits.as_deref())
    }
}
