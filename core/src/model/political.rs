//! 政治建设 (plan 二（一）, tasks 1–3).

use super::{is_default, Count};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Political construction (政治建设).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "政治建设",
    description = "二（一）政治建设：坚持政治统领、严格组织生活、加强纪律作风建设"
)]
pub struct Political {
    /// Task 1: a standing mechanism for studying the 20th Party Congress and Xi Jinping Thought on the Rule of Law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "学习常态化机制",
        description = "建立学习党的二十大精神、习近平法治思想常态化机制"
    )]
    pub study_mechanism: Option<bool>,
    /// Task 2: takes part in the "three meetings and one lesson".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "参加“三会一课”", description = "严格落实党的组织生活制度，参加“三会一课”")]
    pub party_life: Option<bool>,
    /// Task 3: implements the "three provisions" against interference in justice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "落实“三个规定”", description = "落实好防止干预司法“三个规定”")]
    pub three_provisions: Option<bool>,
    /// Task 3: discipline violations (e.g. of the eight-point rules) in the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "违反纪律作风问题数",
        description = "锲而不舍落实中央八项规定及其实施细则精神，持之以恒纠治“四风”"
    )]
    pub discipline_violations: Option<Count>,
}

impl Political {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
