//! 安置帮教 (plan 二（二）8).

use super::{is_default, Count};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Resettlement assistance (安置帮教), task 8.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "安置帮教", description = "认真协调落实安置帮教措施")]
pub struct Resettlement {
    /// Persons under resettlement assistance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "安置帮教对象人数")]
    pub persons: Option<Count>,
    /// The ledger of persons is clear and classified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "台账清楚、分类明确", description = "安置帮教人员台账清楚，分类明确")]
    pub ledger: Option<bool>,
    /// Key persons (≤ persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "重点人人数", description = "不得大于安置帮教对象人数")]
    pub key_persons: Option<Count>,
    /// Key persons with an assistance plan (≤ key persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "已制定帮教方案的重点人人数",
        description = "重点人帮教工作方案（措施）、突发事件应急处置预案完善"
    )]
    pub key_person_plans: Option<Count>,
    /// Persons with a real-name assistance group (≤ persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "已建立实名制帮教小组人数", description = "实名制帮教小组真实有效")]
    pub real_name_groups: Option<Count>,
    /// An emergency response plan exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "突发事件应急处置预案",
        description = "重点人帮教工作方案（措施）、突发事件应急处置预案完善"
    )]
    pub emergency_plan: Option<bool>,
    /// Serious or vicious reoffences in the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "重大、恶性重新犯罪案事件数",
        description = "特别要防止重大、恶性重新犯罪案事件发生"
    )]
    pub serious_reoffences: Option<Count>,
}

impl Resettlement {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
