//! 公共法律服务 (plan 二（二）9).

use super::{is_default, Count};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The subdistrict's public legal service station.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Station {
    /// The station exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "已建立公共法律服务站", description = "加强街道（乡镇）公共法律服务站建设")]
    pub established: Option<bool>,
    /// Functional zones and equipment are set out properly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "功能分区、装备设备规范", description = "科学规范划分功能分区、配备装备设备")]
    pub functional_zoning: Option<bool>,
    /// Planned, built and run together with the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "与司法所一体建设",
        description = "推动司法所与街道（乡镇）公共法律服务站一体规划、一体建设、资源共享"
    )]
    pub integrated_with_office: Option<bool>,
}

/// Public legal services (公共法律服务), task 9.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "公共法律服务", description = "强化基层公共法律服务供给")]
pub struct PublicLegalService {
    /// The station.
    #[serde(default, skip_serializing_if = "Station::is_empty")]
    #[schemars(
        with = "Option<Station>",
        title = "公共法律服务站",
        description = "加强街道（乡镇）公共法律服务站建设"
    )]
    pub station: Station,
    /// One-stop service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "“一站式”服务", description = "实现“一站式”服务")]
    pub one_stop: Option<bool>,
    /// Special legal-service campaigns held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "专项法律服务活动次数", description = "开展专项法律服务活动")]
    pub special_campaigns: Option<Count>,
    /// Accepts applications for administrative reconsideration on behalf of the authority (encouraged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "代收行政复议申请", description = "探索建立司法所代收行政复议申请等便民机制")]
    pub reconsideration_intake: Option<bool>,
}

impl Station {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl PublicLegalService {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
