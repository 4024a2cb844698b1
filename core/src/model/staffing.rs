//! 干部队伍建设 (plan 二（三）10–11).

use super::{is_default, Count, Ratio};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Staff and training (干部队伍建设), tasks 10–11.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "干部队伍建设",
    description = "强化工作力量配备；强化提升政治素养和业务能力水平"
)]
pub struct Staffing {
    /// The office director is in post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "所长在岗", description = "保持司法所干部队伍稳定")]
    pub director_in_post: Option<bool>,
    /// Authorised posts (编制数).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "编制数", description = "在编制内及时补充人员力量")]
    pub authorized_posts: Option<Count>,
    /// Staff on the establishment and in post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "在编在岗人数", description = "在编制内及时补充人员力量")]
    pub staff: Option<Count>,
    /// Staff holding the national legal professional qualification (≤ staff).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "具有法律职业资格人数",
        description = "使具有国家统一法律职业资格证的人员比例进一步提高"
    )]
    pub legal_qualification: Option<Count>,
    /// Legal professionals among the staff (≤ staff).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "法律专业人员人数", description = "司法所至少有1名法律专业人员")]
    pub legal_professionals: Option<Count>,
    /// A dedicated person and post for legal affairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "专人专岗负责法制工作", description = "专人专岗负责法制工作")]
    pub dedicated_legal_post: Option<bool>,
    /// Last year's share of qualified staff (0..=1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "上年法律职业资格人员比例",
        description = "使具有国家统一法律职业资格证的人员比例进一步提高"
    )]
    pub previous_qualification_ratio: Option<Ratio>,
    /// Social workers for community correction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "社区矫正社会工作者人数",
        description = "区司法局积极协调街道（乡镇）落实人民调解员、社区矫正社会工作力量"
    )]
    pub correction_social_workers: Option<Count>,
    /// New staff in the year (≤ staff).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "新增人员数")]
    pub new_staff: Option<Count>,
    /// New staff given pre-job training (≤ new staff).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "已岗前培训人数", description = "对司法所新增人员及时进行岗前培训")]
    pub new_staff_trained: Option<Count>,
    /// The director attended the city bureau's model training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "所长参加市司法局示范培训",
        description = "市司法局每年组织司法所所长示范培训"
    )]
    pub director_city_training: Option<bool>,
    /// Business training sessions for the staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "业务培训次数", description = "组织司法所工作人员开展业务培训")]
    pub training_sessions: Option<Count>,
}

impl Staffing {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
