//! 矛盾纠纷化解 (plan 二（二）5).

use super::{is_default, Count};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Disputes mediated in the year.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Disputes {
    /// Disputes received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "纠纷总数")]
    pub total: Option<Count>,
    /// Disputes resolved (≤ total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "调解成功数", description = "不得大于纠纷总数")]
    pub resolved: Option<Count>,
    /// Disputes resolved within the community / village or subdistrict (≤ resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "就地化解数", description = "小事不出社区（村），大事不出街道（乡镇）")]
    pub resolved_locally: Option<Count>,
}

/// Dispute resolution (矛盾纠纷化解), task 5.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "矛盾纠纷化解", description = "深入推进矛盾纠纷化解工作")]
pub struct Mediation {
    /// The subdistrict's people's mediation committee is lawfully established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "街道（乡镇）人民调解委员会依法规范设立",
        description = "确保社区（村）、街道（乡镇）人民调解委员会依法规范设立"
    )]
    pub subdistrict_committee: Option<bool>,
    /// Mediation work rules are in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "完善调解工作制度", description = "完善调解工作制度")]
    pub work_system: Option<bool>,
    /// Takes part in the subdistrict's pre-litigation handling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "参与未诉先办", description = "积极参与街道（乡镇）未诉先办工作")]
    pub pre_litigation: Option<bool>,
    /// Administrative mediation duties are clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "行政调解职责清晰", description = "街道（乡镇）行政调解职责清晰")]
    pub administrative_mediation: Option<bool>,
    /// People's mediators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "人民调解员人数", description = "加强调解员队伍建设")]
    pub mediators: Option<Count>,
    /// Disputes and how they were resolved.
    #[serde(default, skip_serializing_if = "Disputes::is_empty")]
    #[schemars(
        with = "Option<Disputes>",
        title = "矛盾纠纷",
        description = "小事不出社区（村），大事不出街道（乡镇）"
    )]
    pub disputes: Disputes,
}

impl Disputes {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl Mediation {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
