//! 保障能力建设 (plan 二（四）12–15).

use super::{is_default, AreaM2, Count};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where the office keeps its archives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Archive {
    /// 独立档案室: a separate archive room.
    Room,
    /// 独立区域: a separate area.
    Area,
    /// 无: neither.
    None,
}

impl Archive {
    /// The JSON spellings, in order.
    pub const NAMES: [&'static str; 3] = ["room", "area", "none"];
}

/// The office's premises.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Premises {
    /// Total floor area in m².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "用房面积（平方米）", description = "司法所用房面积不低于120平方米")]
    pub total_area_m2: Option<AreaM2>,
    /// Floor area of business rooms in m² (≤ total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "业务功能用房面积（平方米）",
        description = "其中业务功能用房面积不低于30平方米"
    )]
    pub business_area_m2: Option<AreaM2>,
    /// Archive room or area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "档案室",
        description = "独立设置档案室（或者独立区域）：room 独立档案室，area 独立区域，none 无"
    )]
    pub archive: Option<Archive>,
    /// Built, rebuilt or extended during the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "新改扩建", description = "新改扩建司法所")]
    pub built_or_renovated: Option<bool>,
    /// Signs follow the Ministry's appearance standard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "标识标牌符合规范",
        description = "新改扩建司法所应按照司法部《司法所外观标识规范》要求，规范设置标识标牌"
    )]
    pub signage_compliant: Option<bool>,
}

/// Information systems.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Information {
    /// Uses the unified grassroots management platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "统一的基层工作管理信息平台",
        description = "积极搭建统一的基层工作管理信息平台"
    )]
    pub unified_platform: Option<bool>,
    /// Mobile apps for the office's work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "移动化应用", description = "实现司法所工作移动化应用")]
    pub mobile_apps: Option<bool>,
    /// Self-service terminals (encouraged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "自助服务设备", description = "有条件的司法所可设置自助服务设备")]
    pub self_service: Option<bool>,
}

/// Post allowance of judicial assistants.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Allowance {
    /// Staff entitled to the allowance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "应享受岗位津贴人数")]
    pub eligible: Option<Count>,
    /// Staff paid the allowance (≤ eligible).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "已落实岗位津贴人数", description = "司法助理员岗位津贴待遇落实到位")]
    pub paid: Option<Count>,
}

/// Support capacity (保障能力建设), tasks 12–15.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "保障能力建设",
    description = "完善制度机制体系、强化规范用房、深化信息系统应用、保障岗位津贴"
)]
pub struct Support {
    /// Management rules of the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "司法所管理制度机制", description = "进一步完善、细化司法所管理制度机制")]
    pub management_rules: Option<bool>,
    /// Openness of office affairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "所务公开", description = "深化所务公开制度")]
    pub affairs_openness: Option<bool>,
    /// Premises.
    #[serde(default, skip_serializing_if = "Premises::is_empty")]
    #[schemars(with = "Option<Premises>", title = "用房", description = "强化规范用房")]
    pub premises: Premises,
    /// Information systems.
    #[serde(default, skip_serializing_if = "Information::is_empty")]
    #[schemars(with = "Option<Information>", title = "信息化", description = "深化信息系统应用")]
    pub information: Information,
    /// Post allowance.
    #[serde(default, skip_serializing_if = "Allowance::is_empty")]
    #[schemars(
        with = "Option<Allowance>",
        title = "司法助理员岗位津贴",
        description = "司法助理员岗位津贴待遇落实到位"
    )]
    pub allowance: Allowance,
}

impl Premises {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl Information {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl Allowance {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl Support {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
