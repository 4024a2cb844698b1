//! Districts and the district-bureau record (`sifasuo.district/1`), plan 三 (tasks 16–18) and 一（四）.

use super::Count;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! districts {
    ($($v:ident = $zh:literal, $en:literal;)*) => {
        /// The 16 districts of Beijing and the Beijing Economic-Technological Development Area.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        pub enum District {
            $(
                #[doc = $en]
                #[serde(rename = $zh)]
                $v,
            )*
        }

        impl District {
            /// Every district, in the city's official order.
            pub const ALL: [District; 17] = [$(District::$v),*];

            /// Chinese name, as written in records.
            pub fn name_zh(self) -> &'static str {
                match self { $(District::$v => $zh),* }
            }

            /// English name.
            pub fn name_en(self) -> &'static str {
                match self { $(District::$v => $en),* }
            }
        }
    };
}

districts! {
    Dongcheng = "东城区", "Dongcheng";
    Xicheng = "西城区", "Xicheng";
    Chaoyang = "朝阳区", "Chaoyang";
    Fengtai = "丰台区", "Fengtai";
    Shijingshan = "石景山区", "Shijingshan";
    Haidian = "海淀区", "Haidian";
    Mentougou = "门头沟区", "Mentougou";
    Fangshan = "房山区", "Fangshan";
    Tongzhou = "通州区", "Tongzhou";
    Shunyi = "顺义区", "Shunyi";
    Changping = "昌平区", "Changping";
    Daxing = "大兴区", "Daxing";
    Huairou = "怀柔区", "Huairou";
    Pinggu = "平谷区", "Pinggu";
    Miyun = "密云区", "Miyun";
    Yanqing = "延庆区", "Yanqing";
    EconomicDevelopmentArea = "北京经济技术开发区", "Beijing Economic-Technological Development Area";
}

impl District {
    /// Looks a district up by its Chinese name.
    pub fn from_zh(name: &str) -> Option<District> {
        District::ALL.into_iter().find(|d| d.name_zh() == name)
    }
}

impl std::fmt::Display for District {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name_zh())
    }
}

/// The `format` tag of a district record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
pub enum DistrictFormat {
    /// Version 1.
    #[default]
    #[serde(rename = "sifasuo.district/1")]
    V1,
}

/// One district bureau (区司法局) in one assessment year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "区司法局年度数据",
    description = "全市司法所规范化建设三年行动方案（2022—2024年）三、工作要求"
)]
pub struct DistrictRecord {
    /// Always `sifasuo.district/1`.
    #[schemars(title = "格式")]
    pub format: DistrictFormat,
    /// The rule edition (absent: BJ-2022-42).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "标准版本")]
    pub standard: Option<super::Standard>,
    /// Assessment year.
    #[schemars(title = "评估年度", range(min = 2022, max = 2024))]
    pub year: i32,
    /// The district.
    #[schemars(title = "区")]
    pub district: District,
    /// Task 16: reported to the district Party committee and government.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "向区委区政府汇报",
        description = "主动向区委区政府汇报司法所规范化建设安排部署和工作进展情况"
    )]
    pub reported_to_leadership: Option<bool>,
    /// Task 17: a concrete implementation plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "制定具体落实方案", description = "制定具体落实方案，认真组织实施")]
    pub implementation_plan: Option<bool>,
    /// Task 17: surveys, inspections and unannounced visits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "调研、巡查、暗访次数",
        description = "通过调研、巡查、暗访等多种方式对实施情况进行评价"
    )]
    pub inspections: Option<Count>,
    /// Task 11: training sessions organised by the district bureau.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "区司法局组织业务培训次数", description = "区司法局科学设计教育培训内容")]
    pub staff_training_sessions: Option<Count>,
    /// Task 18: self-assessment carried out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "开展自查自评", description = "要开展司法所规范化建设自查自评工作")]
    pub self_assessment: Option<bool>,
    /// Task 18: good practices summarised and promoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "总结推广好经验好做法数", description = "及时总结推广好经验好做法")]
    pub experiences_promoted: Option<Count>,
    /// 2022: survey and "rule-of-law check-up".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "专项调研和“法治体检”（2022）",
        description = "开展司法所专项调研和“法治体检”"
    )]
    pub survey_and_checkup: Option<bool>,
    /// 2022: a problem list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "明确问题清单（2022）", description = "明确问题清单")]
    pub problem_list: Option<bool>,
    /// 2023: a rectification ledger, items closed one by one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "列出台账、逐项销号（2023）",
        description = "明确责任、列出台账、细化措施、逐项销号"
    )]
    pub rectification_ledger: Option<bool>,
    /// 2024: typical experiences that can be copied and promoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "推出典型经验数（2024）",
        description = "推出一批可复制、可借鉴、可推广的典型经验"
    )]
    pub typical_experiences: Option<Count>,
}
