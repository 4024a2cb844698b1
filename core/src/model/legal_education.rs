//! 普法依法治理 (plan 二（二）6).

use super::{is_default, Count};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Legal education and governance (普法依法治理), task 6.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "普法依法治理", description = "加强普法依法治理工作")]
pub struct LegalEducation {
    /// Rule-of-law culture sites of the subdistrict itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "街道（乡镇）法治文化阵地数",
        description = "每个街道（乡镇）和社区（村）至少建设1个法治文化阵地"
    )]
    pub subdistrict_culture_sites: Option<Count>,
    /// "Whoever enforces the law teaches it" responsibility system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "落实普法责任制",
        description = "推动落实“谁执法谁普法”“谁管理谁普法”“谁服务谁普法”普法责任制"
    )]
    pub responsibility_system: Option<bool>,
}

impl LegalEducation {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
