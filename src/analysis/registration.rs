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
}

impl UnderlyingInfo {
    /// The service `att` runs on, and those under it, each judged on `as_of`.
    pub fn of(att: &Attestation, as_of: Date) -> Option<UnderlyingInfo> {
        let under = &att.underlying.as_deref()?.attestation;
        Some(UnderlyingInfo {
            name: under.display_name(),
            source: crate::analysis::gap::file_name(&under.source),
            registry: Registry::of(under, as_of),
            inherits: UnderlyingInfo::of(under, as_of).map(Box::new),
        })
    }

    /// This service, then those under it, nearest first.
    pub fn chain(&self) -> impl Iterator<Item = &UnderlyingInfo> {
        std::iter::successors(Some(self), |u| u.inherits.as_deref())
    }
}
