//! 社区（村）: the communities and administrative villages an office serves (tasks 5, 6, 9).

use super::Count;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whether a unit is an urban community or an administrative village.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 社区
    Community,
    /// 行政村
    Village,
}

impl UnitKind {
    /// The JSON spellings, in order.
    pub const NAMES: [&'static str; 2] = ["community", "village"];
}

/// One community (社区) or administrative village (行政村).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "社区（村）")]
pub struct Unit {
    /// Name, unique within the office.
    #[schemars(title = "社区（村）名称", length(min = 1, max = 200))]
    pub name: String,
    /// Community or village (absent: not reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "社区（村）类型", description = "community 社区；village 行政村")]
    pub kind: Option<UnitKind>,
    /// The unit's people's mediation committee is lawfully established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "人民调解委员会依法规范设立",
        description = "确保社区（村）、街道（乡镇）人民调解委员会依法规范设立"
    )]
    pub mediation_committee: Option<bool>,
    /// Legal-savvy persons trained (villages: at least 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "乡村“法律明白人”人数",
        description = "每个行政村至少培养3名乡村“法律明白人”"
    )]
    pub legal_savvy_persons: Option<Count>,
    /// Rule-of-law culture sites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "法治文化阵地数",
        description = "每个街道（乡镇）和社区（村）至少建设1个法治文化阵地"
    )]
    pub culture_sites: Option<Count>,
    /// A democracy-and-rule-of-law model community/village.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "民主法治示范社区（村）",
        description = "推进民主法治示范社区（村）建设并加强动态管理"
    )]
    pub democracy_demo: Option<bool>,
    /// Has a legal advisor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "村（居）法律顾问",
        description = "做好村（居）法律顾问沟通联络和监督考核工作"
    )]
    pub legal_advisor: Option<bool>,
}
