//! The office record (`sifasuo.office/1`): identity of the office and all sections.

use super::{
    Administration, CommunityCorrection, District, LegalEducation, Mediation, Political, PublicLegalService,
    Resettlement, Staffing, Standard, Support, Unit,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `format` tag of an office record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
pub enum OfficeFormat {
    /// Version 1.
    #[default]
    #[serde(rename = "sifasuo.office/1")]
    V1,
}

/// Whether the office serves a street (街道) or a township (乡镇).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubdistrictKind {
    /// 街道
    Street,
    /// 乡镇
    Township,
}

impl SubdistrictKind {
    /// The JSON spellings, in order.
    pub const NAMES: [&'static str; 2] = ["street", "township"];
}

/// Who the office is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "司法所")]
pub struct OfficeInfo {
    /// Office code, unique in a batch together with the year.
    #[schemars(title = "司法所代码", length(min = 1, max = 64))]
    pub code: String,
    /// Office name, e.g. 朝阳区建外街道司法所.
    #[schemars(title = "司法所名称", length(min = 1, max = 200))]
    pub name: String,
    /// District.
    #[schemars(title = "所属区")]
    pub district: District,
    /// The street or township served.
    #[schemars(title = "街道（乡镇）", length(min = 1, max = 200))]
    pub subdistrict: String,
    /// Street or township.
    #[schemars(title = "街道/乡镇类型", description = "street 街道；township 乡镇")]
    pub subdistrict_kind: SubdistrictKind,
}

/// One judicial office (司法所) in one assessment year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "司法所年度数据",
    description = "全市司法所规范化建设三年行动方案（2022—2024年）"
)]
pub struct OfficeRecord {
    /// Always `sifasuo.office/1`.
    #[schemars(title = "格式")]
    pub format: OfficeFormat,
    /// The rule edition (absent: BJ-2022-42).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "标准版本")]
    pub standard: Option<Standard>,
    /// Assessment year.
    #[schemars(title = "评估年度", range(min = 2022, max = 2024))]
    pub year: i32,
    /// Identity of the office.
    #[schemars(title = "司法所", description = "司法所代码、名称、所属区和所服务的街道（乡镇）")]
    pub office: OfficeInfo,
    /// Communities and villages served (absent: not reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "社区（村）", length(max = 1000))]
    pub units: Option<Vec<Unit>>,
    /// 政治建设.
    #[serde(default, skip_serializing_if = "Political::is_empty")]
    #[schemars(
        with = "Option<Political>",
        title = "政治建设",
        description = "二（一）政治建设：坚持政治统领、严格组织生活、加强纪律作风建设"
    )]
    pub political: Political,
    /// 依法行政.
    #[serde(default, skip_serializing_if = "Administration::is_empty")]
    #[schemars(
        with = "Option<Administration>",
        title = "依法行政",
        description = "深入推进基层政府依法行政"
    )]
    pub administration: Administration,
    /// 矛盾纠纷化解.
    #[serde(default, skip_serializing_if = "Mediation::is_empty")]
    #[schemars(
        with = "Option<Mediation>",
        title = "矛盾纠纷化解",
        description = "深入推进矛盾纠纷化解工作"
    )]
    pub mediation: Mediation,
    /// 普法依法治理.
    #[serde(default, skip_serializing_if = "LegalEducation::is_empty")]
    #[schemars(
        with = "Option<LegalEducation>",
        title = "普法依法治理",
        description = "加强普法依法治理工作"
    )]
    pub legal_education: LegalEducation,
    /// 社区矫正.
    #[serde(default, skip_serializing_if = "CommunityCorrection::is_empty")]
    #[schemars(
        with = "Option<CommunityCorrection>",
        title = "社区矫正",
        description = "依法开展社区矫正工作"
    )]
    pub community_correction: CommunityCorrection,
    /// 安置帮教.
    #[serde(default, skip_serializing_if = "Resettlement::is_empty")]
    #[schemars(
        with = "Option<Resettlement>",
        title = "安置帮教",
        description = "认真协调落实安置帮教措施"
    )]
    pub resettlement: Resettlement,
    /// 公共法律服务.
    #[serde(default, skip_serializing_if = "PublicLegalService::is_empty")]
    #[schemars(
        with = "Option<PublicLegalService>",
        title = "公共法律服务",
        description = "强化基层公共法律服务供给"
    )]
    pub public_legal_service: PublicLegalService,
    /// 干部队伍建设.
    #[serde(default, skip_serializing_if = "Staffing::is_empty")]
    #[schemars(
        with = "Option<Staffing>",
        title = "干部队伍建设",
        description = "强化工作力量配备；强化提升政治素养和业务能力水平"
    )]
    pub staffing: Staffing,
    /// 保障能力建设.
    #[serde(default, skip_serializing_if = "Support::is_empty")]
    #[schemars(
        with = "Option<Support>",
        title = "保障能力建设",
        description = "完善制度机制体系、强化规范用房、深化信息系统应用、保障岗位津贴"
    )]
    pub support: Support,
    /// Free text (no personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "备注", length(max = 2000))]
    pub notes: Option<String>,
}

impl OfficeRecord {
    /// The edition the record is assessed under.
    pub fn standard(&self) -> Standard {
        self.standard.unwrap_or_default()
    }
}
