//! 社区矫正 (plan 二（二）7).

use super::{is_default, Count};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The venue where correction decisions are announced.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnouncementVenue {
    /// The venue is set up to standard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "规范设置宣告场所", description = "规范设置社区矫正宣告场所")]
    pub standardized: Option<bool>,
    /// Office facilities are provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "配备办公设施", description = "配备相关办公设施")]
    pub office_facilities: Option<bool>,
    /// IT equipment is provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "配备信息化设备", description = "配备相关办公设施和信息化设备")]
    pub it_equipment: Option<bool>,
}

/// Dynamic analysis meetings required and held.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalysisMeetings {
    /// Meetings required in the year (absent: the edition's default, 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "应召开次数",
        description = "按期召开动态分析会议（未填写时按每月1次计12次）"
    )]
    pub required: Option<Count>,
    /// Meetings held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "实际召开次数", description = "按期召开动态分析会议")]
    pub held: Option<Count>,
}

/// Entries on the community-correction management platform.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlatformRecords {
    /// Entries due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "应录入条数")]
    pub total: Option<Count>,
    /// Entries made timely and accurately (≤ total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "及时准确录入条数",
        description = "录入社区矫正综合管理平台信息及时全面、准确无误"
    )]
    pub timely: Option<Count>,
}

/// Working arrangements with the local police station.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PoliceStation {
    /// Information sharing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "信息通报", description = "与派出所建立信息通报工作制度")]
    pub information_sharing: Option<bool>,
    /// Regular consultation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "定期会商", description = "与派出所建立定期会商工作制度")]
    pub regular_consultation: Option<bool>,
    /// Joint control.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "联合管控", description = "与派出所建立联合管控工作制度")]
    pub joint_control: Option<bool>,
}

/// Community correction (社区矫正), task 7. All counts are at most `subjects`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "社区矫正", description = "依法开展社区矫正工作")]
pub struct CommunityCorrection {
    /// The subdistrict's community-correction committee works.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "街道（乡镇）社区矫正委员会",
        description = "充分依托街道（乡镇）社区矫正委员会统筹协调和指导本地区社区矫正工作"
    )]
    pub committee: Option<bool>,
    /// The announcement venue.
    #[serde(default, skip_serializing_if = "AnnouncementVenue::is_empty")]
    #[schemars(
        with = "Option<AnnouncementVenue>",
        title = "社区矫正宣告场所",
        description = "规范设置社区矫正宣告场所，配备相关办公设施和信息化设备"
    )]
    pub announcement_venue: AnnouncementVenue,
    /// Persons under community correction in the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "社区矫正对象人数")]
    pub subjects: Option<Count>,
    /// Subjects with a correction team (≤ subjects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "已建立矫正小组人数",
        description = "严格落实矫正小组、矫正方案及日常考核、分类管理等措施"
    )]
    pub with_team: Option<Count>,
    /// Subjects with a correction plan (≤ subjects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "已制定矫正方案人数",
        description = "严格落实矫正小组、矫正方案及日常考核、分类管理等措施"
    )]
    pub with_plan: Option<Count>,
    /// Subjects with a proper case file (≤ subjects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "已建立规范工作档案人数", description = "建立规范的社区矫正工作档案")]
    pub with_archive: Option<Count>,
    /// Subjects about whom the "nine clear" facts are known (≤ subjects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "“九清楚”人数", description = "熟悉掌握社区矫正对象“九清楚”情况")]
    pub nine_clear: Option<Count>,
    /// Daily assessment and classified management are in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "日常考核、分类管理",
        description = "严格落实矫正小组、矫正方案及日常考核、分类管理等措施"
    )]
    pub assessment_classification: Option<bool>,
    /// Dynamic analysis meetings.
    #[serde(default, skip_serializing_if = "AnalysisMeetings::is_empty")]
    #[schemars(
        with = "Option<AnalysisMeetings>",
        title = "动态分析会议",
        description = "按期召开动态分析会议"
    )]
    pub analysis_meetings: AnalysisMeetings,
    /// Platform entries.
    #[serde(default, skip_serializing_if = "PlatformRecords::is_empty")]
    #[schemars(
        with = "Option<PlatformRecords>",
        title = "社区矫正综合管理平台录入",
        description = "录入社区矫正综合管理平台信息及时全面、准确无误"
    )]
    pub platform_records: PlatformRecords,
    /// Arrangements with the police station.
    #[serde(default, skip_serializing_if = "PoliceStation::is_empty")]
    #[schemars(
        with = "Option<PoliceStation>",
        title = "与派出所工作制度",
        description = "与派出所建立信息通报、定期会商、联合管控等工作制度"
    )]
    pub police_station: PoliceStation,
    /// Subjects who escaped supervision (脱管).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "脱管人数", description = "严格落实日常监督管理和教育帮扶措施")]
    pub escaped_supervision: Option<Count>,
    /// Subjects missed by supervision (漏管).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "漏管人数", description = "严格落实日常监督管理和教育帮扶措施")]
    pub missed_supervision: Option<Count>,
}

impl AnnouncementVenue {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl AnalysisMeetings {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl PlatformRecords {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl PoliceStation {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl CommunityCorrection {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
