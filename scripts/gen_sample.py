#!/usr/bin/env python3
"""Deterministic generator of SYNTHETIC sample records (合成数据，非真实数据).

Writes `sifasuo.office/1` and `sifasuo.district/1` records (see
/work/shared/spec/record-format.md) for the judicial offices (司法所) of Beijing's
16 districts and 北京经济技术开发区, assessment years 2022-2024.

The office and subdistrict (街道/乡镇) names are modelled on Beijing's real divisions;
the community/village names and every figure are invented.

Usage:
    python3 scripts/gen_sample.py                      # (re)write data/sample/
    python3 scripts/gen_sample.py --outdir DIR         # write the sample into DIR
    python3 scripts/gen_sample.py --count N --out FILE.jsonl [--seed S]
                                                       # stream N office records ('-' = stdout)

Determinism: standard library only; no dependence on time, dict/set ordering or hash
randomisation. Every office draws its randomness from its own streams
`random.Random(f"{seed}/{code}/profile")` (stable traits and the latent problems of all
years) and `random.Random(f"{seed}/{code}/{year}")` (that year's volumes), so a record does
not depend on which other records are generated. String seeds are hashed with SHA-512 by
`random`, independently of PYTHONHASHSEED.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

SEED = 20221215
YEARS = (2022, 2023, 2024)
STANDARD = "BJ-2022-42"
OFFICE_FORMAT = "sifasuo.office/1"
DISTRICT_FORMAT = "sifasuo.district/1"
NOTES = "合成示例数据，非真实数据（sifasuo 样例）"

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTDIR = REPO_ROOT / "data" / "sample"

# ---------------------------------------------------------------------------------------
# Districts and their subdistricts: (district, code prefix, 街道, 镇, 乡).
# Serial numbers follow the statistical-division convention: 街道 001.., 镇 101.., 乡 201..
# (so 朝阳区建外街道 = 110105004 and 通州区漷县镇 = 110112107, as in the spec examples).
# ---------------------------------------------------------------------------------------
DISTRICTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("东城区", "110101",
     "东华门 景山 交道口 安定门 北新桥 东四 朝阳门 建国门 东直门 和平里 前门 崇文门外 东花市 龙潭 "
     "体育馆路 天坛 永定门外", "", ""),
    ("西城区", "110102",
     "西长安街 新街口 月坛 展览路 德胜 金融街 什刹海 大栅栏 天桥 椿树 陶然亭 广安门内 牛街 白纸坊 "
     "广安门外", "", ""),
    ("朝阳区", "110105",
     "朝外 劲松 呼家楼 建外 三里屯 左家庄 香河园 和平街 安贞 亚运村 小关 酒仙桥 麦子店 团结湖 六里屯 "
     "八里庄 双井 潘家园 垡头 首都机场 大屯 望京 奥运村 东湖", "",
     "南磨房 高碑店 将台 太阳宫 小红门 十八里店 平房 东风 来广营 常营 三间房 管庄 金盏 孙河 崔各庄 "
     "东坝 黑庄户 豆各庄 王四营"),
    ("丰台区", "110106",
     "右安门 太平桥 西罗园 大红门 南苑 东高地 东铁匠营 六里桥 丰台 新村 长辛店 云岗 方庄 宛平 马家堡 "
     "和义 卢沟桥 花乡 成寿寺 石榴庄 玉泉营 看丹 五里店 青塔", "北宫 王佐 长辛店", ""),
    ("石景山区", "110107", "八宝山 老山 八角 古城 苹果园 金顶街 广宁 五里坨 鲁谷", "", ""),
    ("海淀区", "110108",
     "万寿路 永定路 羊坊店 甘家口 八里庄 紫竹院 北下关 北太平庄 学院路 中关村 海淀 青龙桥 清华园 燕园 "
     "香山 清河 花园路 西三旗 马连洼 田村路 上地 曙光", "四季青 海淀 东升 温泉 西北旺 苏家坨 上庄", ""),
    ("门头沟区", "110109", "大峪 城子 东辛房 大台",
     "龙泉 永定 潭柘寺 军庄 妙峰山 王平 雁翅 斋堂 清水", ""),
    ("房山区", "110111", "城关 新镇 向阳 东风 迎风 星城 拱辰 西潞",
     "良乡 周口店 琉璃河 阎村 窦店 石楼 长阳 河北 长沟 大石窝 张坊 十渡 青龙湖 韩村河",
     "霞云岭 南窖 佛子庄 大安山 史家营 蒲洼"),
    ("通州区", "110112", "中仓 新华 北苑 玉桥 潞源 通运 文景 九棵树 杨庄 潞邑 临河里",
     "宋庄 张家湾 台湖 马驹桥 西集 永乐店 漷县 潞城 永顺 梨园", "于家务回族"),
    ("顺义区", "110113", "胜利 光明 石园 空港 双丰 旺泉",
     "仁和 后沙峪 天竺 杨 牛栏山 南法信 马坡 高丽营 李桥 李遂 南彩 北务 大孙各庄 张 龙湾屯 木林 "
     "北小营 北石槽 赵全营", ""),
    ("昌平区", "110114", "城北 城南 天通苑北 天通苑南 霍营 回龙观 龙泽园 史各庄",
     "阳坊 小汤山 南邵 崔村 百善 北七家 兴寿 流村 十三陵 延寿 南口 马池口 沙河 东小口", ""),
    ("大兴区", "110115", "兴丰 林校路 清源 观音寺 天宫院 高米店",
     "西红门 旧宫 青云店 采育 安定 礼贤 榆垡 庞各庄 北臧村 魏善庄 长子营", ""),
    ("怀柔区", "110116", "泉河 龙山",
     "怀柔 雁栖 北房 杨宋 庙城 桥梓 怀北 汤河口 渤海 九渡河 琉璃庙 宝山", "长哨营满族 喇叭沟门满族"),
    ("平谷区", "110117", "滨河 兴谷",
     "平谷 峪口 马坊 金海湖 东高村 山东庄 南独乐河 大华山 夏各庄 马昌营 王辛庄 大兴庄 刘家店 镇罗营",
     "黄松峪 熊儿寨"),
    ("密云区", "110118", "鼓楼 果园",
     "密云 溪翁庄 西田各庄 十里堡 河南寨 巨各庄 穆家峪 太师屯 高岭 不老屯 冯家峪 古北口 大城子 东邵渠 "
     "北庄 新城子 石城", "檀营满族蒙古族"),
    ("延庆区", "110119", "百泉 香水园 儒林",
     "延庆 康庄 八达岭 永宁 旧县 张山营 四海 千家店 沈家营 大榆树 井庄", "大庄科 刘斌堡 香营 珍珠泉"),
    ("北京经济技术开发区", "110302", "荣华 博兴", "亦庄 瀛海", ""),
)
CORE_DISTRICTS = ("东城区", "西城区")

# Unit names taken from the spec's examples, so those two offices look like the examples.
KNOWN_UNITS = {
    ("朝阳区", "建外街道"): (("永安里社区", "建国门外社区", "光华里社区"), ()),
    ("通州区", "漷县镇"): (("漷县镇社区",), ("东定安村", "西定安村", "南阳村", "北堤寺村", "军屯村", "马头村")),
}


def _build_offices() -> tuple[tuple[str, str, str, str], ...]:
    """(code, district, subdistrict, kind) for every office, in a fixed order."""
    out = []
    for district, prefix, streets, towns, xiang in DISTRICTS:
        for serial0, names, suffix, kind in ((1, streets, "街道", "street"), (101, towns, "镇", "township"),
                                              (201, xiang, "乡", "township")):
            for i, stem in enumerate(names.split()):
                out.append((f"{prefix}{serial0 + i:03d}", district, stem + suffix, kind))
    codes = [o[0] for o in out]
    assert len(set(codes)) == len(codes)
    return tuple(out)


OFFICES = _build_offices()

# ---------------------------------------------------------------------------------------
# Invented community (社区) and village (村) names.
# ---------------------------------------------------------------------------------------
_C_STEMS = (
    "安华 和平 光明 幸福 团结 文化 永安 建华 金台 阳光 育才 青年 翠微 康乐 丽都 春秀 芳草 华龙 新源 "
    "双榆 时代 世纪 嘉园 枫林 泰华 锦绣 紫竹 碧水 绿洲 长青 明光 朝阳 东方 鸿运 兴华 瑞祥 福海 "
    "万泉 知春 燕京 景泰 宏达 丰收 兴隆 富强 振兴 华严 惠新 安苑 樱花 牡丹 芍药 海棠 松榆 柳荫 "
    "槐花 玉兰 银杏 清风 明月 晨光 星河 天通 龙苑 凤凰 金星 银河 恒泰 顺景 如意 吉祥 和谐 美景 "
    "书香 桃园 梨园 杏林 枣林 桑园 南湖 北湖 西湖 东湖 青塔 红莲 白云 蓝天 金鱼 石榴 葡萄 "
    "文体 工人 铁路 电力 邮电 科苑 学府 医苑 农光 水利 地质 航天 建材 纺织 化工"
).split()
_C_SUFFIXES = "里 园 苑 路 街 西里 东里 北里 南里 家园 小区 花园 新村 公寓 北区 南区 东区 西区 一区 二区 三区".split()
_V_PREFIXES = "东 西 南 北 前 后 大 小 上 下 新 老 中 高".split()
_V_STEMS = (
    "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 马 朱 胡 郭 何 高 罗 郑 梁 谢 宋 唐 韩 冯 于 董 程 曹 "
    "袁 邓 许 沈 彭 吕 苏 卢 蒋 蔡 贾 丁 魏 薛 叶 阎 潘 杜 夏 田 任 姜 范 方 石 姚 白 崔 康 秦 "
    "史 侯 孟 段 钱 汤 常 武 乔 柳 杏 桃 梨 枣 榆 杨树 松 柏 槐 桑 沙 河 水 泉 山 岭 坡 牛 羊 "
    "鹿 龙 凤 黄土 红 青 清 辛 兴 太平 安乐 永丰 富 仁 义 礼 智 和 福 寿 康 宁 顺 丰 盛"
).split()
_V_SUFFIXES = "庄 家庄 各庄 营 屯 店 峪 沟 堡 台 坨 务 辛庄 河 口 寨 坊 园 场 桥 窝 洼 岭 铺 城 甸 套 哨".split()


def _pick(rnd, seq):
    return seq[int(rnd() * len(seq))]


def _community_name(rnd) -> str:
    return _pick(rnd, _C_STEMS) + _pick(rnd, _C_SUFFIXES) + "社区"


def _village_name(rnd) -> str:
    prefix = _pick(rnd, _V_PREFIXES) if rnd() < 0.45 else ""
    return prefix + _pick(rnd, _V_STEMS) + _pick(rnd, _V_SUFFIXES) + "村"


# ---------------------------------------------------------------------------------------
# Problems ("issues"). base = probability that an office of average capacity has the problem
# in 2022; later years multiply it by YEAR_FACTOR (persisting problems keep the same latent
# draw, so the set of problems mostly shrinks), plus a small per-year chance of a new or
# regressed problem (NOISE).
# ---------------------------------------------------------------------------------------
MANDATORY_ISSUES = (
    ("nd_review", 0.20), ("md_review", 0.15), ("sub_committee", 0.05), ("unit_committees", 0.14),
    ("legal_savvy", 0.50), ("sub_culture", 0.07), ("unit_culture", 0.22), ("legal_prof", 0.12),
    ("dedicated_post", 0.15), ("total_area", 0.25), ("business_area", 0.14), ("archive", 0.20),
)
STANDARD_ISSUES = (
    ("study", 0.26), ("party_life", 0.20), ("three_provisions", 0.17), ("discipline", 0.07),
    ("enforcement_review", 0.42), ("pre_meeting_study", 0.42), ("meetings", 0.51),
    ("reconsideration", 0.26), ("work_system", 0.26), ("pre_litigation", 0.34), ("admin_mediation", 0.34),
    ("responsibility", 0.26), ("correction_committee", 0.17), ("venue", 0.51), ("supervision", 0.26),
    ("nine_clear", 0.34), ("corr_archive", 0.26), ("analysis_meetings", 0.51), ("platform", 0.42),
    ("police", 0.34), ("ledger", 0.34), ("key_plans", 0.34), ("emergency_plan", 0.26), ("real_name", 0.42),
    ("station", 0.20), ("station_layout", 0.42), ("integration", 0.51), ("advisors", 0.26),
    ("one_stop", 0.42), ("campaigns", 0.34), ("director", 0.14), ("understaffed", 0.51),
    ("social_workers", 0.26), ("pre_job", 0.42), ("director_training", 0.34), ("training", 0.51),
    ("management_rules", 0.26), ("openness", 0.26), ("signage", 0.59), ("unified_platform", 0.42),
    ("mobile", 0.51), ("allowance", 0.51),
)
ISSUES = MANDATORY_ISSUES + STANDARD_ISSUES
ISSUE_INDEX = {name: i for i, (name, _) in enumerate(ISSUES)}
N_MANDATORY = len(MANDATORY_ISSUES)
YEAR_FACTOR_MANDATORY = (1.0, 0.30, 0.05)
YEAR_FACTOR_STANDARD = (1.0, 0.55, 0.20)
NOISE_MANDATORY = (0.0, 0.003, 0.003)
NOISE_STANDARD = (0.0, 0.010, 0.010)
UNIT_FRACTION = (1.0, 0.6, 0.35)          # share of units failing a per-unit problem shrinks
DEMO_RATE = (0.07, 0.10, 0.13)            # 民主法治示范社区（村）
VETO_RATE = 0.005                          # 脱管 or 重大恶性重新犯罪, per record
MISSING_RATE = (0.04, 0.02, 0.01)          # records with some fields not reported
PREV_RATIO_RATE = (1.0, 0.15, 0.12)        # records carrying previous_qualification_ratio
REQUIRED_OMIT_RATE = 0.3                   # analysis_meetings.required omitted (defaults to 12)

# Per year: the latent threshold factor (base x year factor) and the noise rate of every issue.
_THRESHOLDS = tuple(
    tuple(base * (YEAR_FACTOR_MANDATORY if i < N_MANDATORY else YEAR_FACTOR_STANDARD)[yi]
          for i, (_, base) in enumerate(ISSUES)) for yi in range(len(YEARS)))
_NOISE_RATES = tuple(
    tuple((NOISE_MANDATORY if i < N_MANDATORY else NOISE_STANDARD)[yi] for i in range(len(ISSUES)))
    for yi in range(len(YEARS)))

(I_ND, I_MD, I_SUBCOM, I_UNITCOM, I_LSP, I_SUBCULT, I_UNITCULT, I_LEGALPROF, I_DEDICATED,
 I_TOTAL_AREA, I_BUSINESS_AREA, I_ARCHIVE) = range(N_MANDATORY)
_I = ISSUE_INDEX


def _ri(rng: random.Random, a: int, b: int) -> int:
    """Uniform integer in a..=b (cheaper than randint)."""
    return a + int(rng.random() * (b - a + 1))


def _area(x: float) -> float:
    return round(x, 1)


class Profile:
    """Traits of one office that persist across years, and its problems in every year."""

    __slots__ = ("code", "district", "subdistrict", "kind", "q", "issues", "units", "unit_fail",
                 "areas", "archive", "reno_year", "posts", "vacancy", "prof_base", "lq_base", "lq_gain",
                 "veto", "has_villages", "scale")

    def __init__(self, seed: int, code: str, district: str, subdistrict: str, kind: str):
        rng = random.Random(f"{seed}/{code}/profile")
        self.code, self.district, self.subdistrict, self.kind = code, district, subdistrict, kind
        q = rng.betavariate(1.6, 1.6)
        if district in CORE_DISTRICTS:
            q = min(1.0, q + 0.08)
        self.q = q
        w = 0.1 + 2.0 * (1.0 - q)
        rnd = rng.random
        # Problems of each year: latent draw (persists) or per-year noise (new / regressed).
        lat = [rnd() for _ in ISSUES]
        self.issues = []
        for thresholds, noise_rates in zip(_THRESHOLDS, _NOISE_RATES):
            self.issues.append([x < t * w or rnd() < r for x, t, r in zip(lat, thresholds, noise_rates)])

        # Units (社区/村).
        if kind == "street":
            n_comm = int(rng.triangular(8, 30.99, 14))
            n_vill = _ri(rng, 1, 6) if (district not in CORE_DISTRICTS and rnd() < 0.2) else 0
        else:
            n_comm = _ri(rng, 1, 5)
            n_vill = int(rng.triangular(10, 40.99, 22))
        known_c, known_v = KNOWN_UNITS.get((district, subdistrict), ((), ()))
        names: list[tuple[str, str]] = []
        seen: set[str] = set()
        for want, known, make, ukind in ((n_comm, known_c, _community_name, "community"),
                                         (n_vill, known_v, _village_name, "village")):
            made = 0
            for nm in known:
                if nm not in seen:
                    seen.add(nm)
                    names.append((nm, ukind))
                    made += 1
            while made < want:
                nm = make(rnd)
                if nm not in seen:
                    seen.add(nm)
                    names.append((nm, ukind))
                    made += 1
        self.has_villages = n_vill > 0 or bool(known_v)
        units = []
        for nm, ukind in names:
            if ukind == "village":  # legal-savvy persons: (when ok, when failing, grows yearly)
                lsp = (3 + int(rnd() * 5), int(rnd() * 3), rnd() < 0.4)
            else:
                lsp = (int(rnd() * 3), 0, False)
            culture = 1 + int(rnd() * 3) if rnd() < 0.8 else 1
            units.append((nm, ukind, lsp, culture, rnd()))
        self.units = units
        # Failing units of each per-unit problem: f < fraction; at least the unit with the smallest f.
        self.unit_fail = {}
        for issue in (I_UNITCOM, I_LSP, I_UNITCULT, _I["advisors"]):
            frac0 = rng.uniform(0.04, 0.35)
            f = [rnd() for _ in units]
            applicable = [k for k, u in enumerate(units) if issue != I_LSP or u[1] == "village"]
            per_year = []
            for yi in range(len(YEARS)):
                fail = [k for k in applicable if f[k] < frac0 * UNIT_FRACTION[yi]]
                if not fail and applicable:
                    fail = [min(applicable, key=lambda k: f[k])]
                per_year.append(frozenset(fail))
            self.unit_fail[issue] = per_year

        # Premises: a good and a deficient size; which one applies depends on the year's problems.
        good_total = rng.uniform(120.0, 320.0)
        low_total = rng.uniform(45.0, 119.4)
        good_business = rng.uniform(30.0, 110.0)
        low_business = rng.uniform(10.0, 29.4)
        self.areas = (good_total, low_total, good_business, low_business)
        self.archive = "room" if rng.random() < 0.6 else "area"
        self.reno_year = rng.choice(YEARS) if rng.random() < 0.25 else 9999

        # Staffing.
        self.posts = _ri(rng, 3, 6) + (1 if kind == "street" and rng.random() < 0.3 else 0)
        self.vacancy = _ri(rng, 1, 2)
        self.prof_base = _ri(rng, 1, 3)
        self.lq_base = _ri(rng, 0, 2)
        self.lq_gain = tuple(rng.random() < 0.3 for _ in YEARS)
        self.veto = tuple(
            (1 if rng.random() < 0.5 else 2) if rng.random() < VETO_RATE else 0 for _ in YEARS)
        self.scale = rng.uniform(0.6, 1.6)

    def staffing_core(self, yi: int) -> tuple[int, int, int, int]:
        """(authorized_posts, staff, legal_professionals, legal_qualification) in year index yi."""
        posts = self.posts
        staff = max(1, posts - (self.vacancy if self.issues[yi][_I["understaffed"]] else 0))
        if self.issues[yi][I_LEGALPROF]:
            return posts, staff, 0, 0
        prof = min(staff, self.prof_base)
        lq = min(staff, self.lq_base + sum(self.lq_gain[: yi + 1]))
        return posts, staff, prof, lq

    def previous_ratio(self, yi: int) -> float:
        """legal_qualification/staff of the year before year index yi (2021 is invented)."""
        if yi > 0:
            _, staff, _, lq = self.staffing_core(yi - 1)
            return lq / staff
        _, staff, prof, lq = self.staffing_core(0)
        if lq == 0:
            return 0.0
        prev = lq - (1 if self.lq_gain[0] else 0)
        return max(0, min(staff, prev)) / staff


# Fields that may be "not reported". Paths into the record; "*" = one unit, chosen at random.
MISSABLE_STANDARD = (
    ("political", "party_life"), ("administration", "office_meetings"),
    ("administration", "pre_meeting_law_study"), ("mediation", "disputes", "resolved_locally"),
    ("mediation", "mediators"), ("community_correction", "platform_records"),
    ("community_correction", "police_station", "joint_control"), ("resettlement", "real_name_groups"),
    ("public_legal_service", "special_campaigns"), ("public_legal_service", "reconsideration_intake"),
    ("staffing", "training_sessions"), ("staffing", "new_staff_trained"),
    ("support", "information", "mobile_apps"), ("support", "information", "self_service"),
    ("support", "allowance", "paid"), ("support", "premises", "built_or_renovated"),
    ("units", "*", "legal_advisor"), ("units", "*", "democracy_demo"),
)
MISSABLE_MANDATORY = (
    ("support", "premises", "business_area_m2"), ("support", "premises", "total_area_m2"),
    ("support", "premises", "archive"), ("staffing", "legal_professionals"),
    ("legal_education", "subdistrict_culture_sites"), ("administration", "normative_documents", "reviewed"),
    ("mediation", "subdistrict_committee"), ("units", "*", "culture_sites"),
)


def _delete(rec: dict, path: tuple, rng: random.Random) -> None:
    node = rec
    for key in path[:-1]:
        if key == "*":
            node = node[int(rng.random() * len(node))] if node else None
        else:
            node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            return
    if isinstance(node, dict):
        node.pop(path[-1], None)


def _part(rng: random.Random, total: int, failing: bool) -> int:
    """A part of `total`: all of it, or (when failing and total > 0) strictly less."""
    if not failing or total == 0:
        return total
    return total - _ri(rng, 1, max(1, (total + 1) // 2))


def office_record(p: Profile, year: int, seed: int, code: str | None = None) -> dict:
    """The `sifasuo.office/1` record of office profile `p` in `year`."""
    yi = year - YEARS[0]
    rng = random.Random(f"{seed}/{p.code}/{year}")
    iss = p.issues[yi]
    q = p.q
    s = p.scale

    def ok(issue: str) -> bool:
        return not iss[_I[issue]]

    # -- units
    com_fail = p.unit_fail[I_UNITCOM][yi] if iss[I_UNITCOM] else frozenset()
    lsp_fail = p.unit_fail[I_LSP][yi] if iss[I_LSP] else frozenset()
    cult_fail = p.unit_fail[I_UNITCULT][yi] if iss[I_UNITCULT] else frozenset()
    adv_fail = p.unit_fail[_I["advisors"]][yi] if iss[_I["advisors"]] else frozenset()
    demo_rate = DEMO_RATE[yi] * (0.5 + q)
    units = []
    for k, (name, ukind, (lsp_ok, lsp_low, lsp_grows), culture, demo_u) in enumerate(p.units):
        if ukind == "village":
            lsp = lsp_low if k in lsp_fail else lsp_ok + (yi if lsp_grows else 0)
        else:
            lsp = lsp_ok
        units.append({
            "name": name,
            "kind": ukind,
            "mediation_committee": k not in com_fail,
            "legal_savvy_persons": lsp,
            "culture_sites": 0 if k in cult_fail else culture,
            "democracy_demo": demo_u < demo_rate,
            "legal_advisor": k not in adv_fail,
        })
    n_units = len(units)

    # -- administration
    def pair(lo: int, hi: int, issue: int, part_key: str) -> dict:
        total = _ri(rng, lo, hi)
        failing = iss[issue]
        if failing and total == 0:
            total = _ri(rng, 1, max(1, hi))
        return {"total": total, part_key: _part(rng, total, failing)}

    administration = {
        "normative_documents": pair(0, 8, I_ND, "reviewed"),
        "major_decisions": pair(0, 4, I_MD, "reviewed"),
        "enforcement_decisions": pair(0, int(30 * s), _I["enforcement_review"], "reviewed"),
    }
    meetings = _ri(rng, 12, 48)
    attended = meetings - (_ri(rng, 3, meetings // 2) if not ok("meetings") else _ri(rng, 0, 2))
    administration["office_meetings"] = {"total": meetings, "attended": attended}
    administration["pre_meeting_law_study"] = ok("pre_meeting_study")
    administration["reconsideration_litigation"] = pair(0, 6, _I["reconsideration"], "handled")

    # -- mediation
    disputes = int(_ri(rng, 20, 300) * s * (1.3 if p.kind == "street" else 1.0))
    resolved = disputes - int(disputes * rng.uniform(0.01, 0.15))
    local = resolved - int(resolved * rng.uniform(0.02, 0.30))
    mediation = {
        "subdistrict_committee": not iss[I_SUBCOM],
        "work_system": ok("work_system"),
        "pre_litigation": ok("pre_litigation"),
        "administrative_mediation": ok("admin_mediation"),
        "mediators": n_units * _ri(rng, 1, 3) + _ri(rng, 2, 10),
        "disputes": {"total": disputes, "resolved": resolved, "resolved_locally": local},
    }

    legal_education = {
        "subdistrict_culture_sites": 0 if iss[I_SUBCULT] else _ri(rng, 1, 3),
        "responsibility_system": ok("responsibility"),
    }

    # -- community correction
    subjects = int(_ri(rng, 0, 25) * s)
    sup_fail = not ok("supervision")
    with_team = _part(rng, subjects, sup_fail)
    with_plan = _part(rng, subjects, sup_fail and rng.random() < 0.5)
    venue_fail = not ok("venue")
    v = [True, True, True]
    if venue_fail:
        v[_ri(rng, 0, 2)] = False
        if rng.random() < 0.4:
            v[_ri(rng, 0, 2)] = False
    police = [True, True, True]
    if not ok("police"):
        police[_ri(rng, 0, 2)] = False
    held = 12 if ok("analysis_meetings") else _ri(rng, 4, 11)
    analysis = {"required": 12, "held": held}
    if rng.random() < REQUIRED_OMIT_RATE:
        del analysis["required"]
    platform_total = subjects * _ri(rng, 8, 14)
    veto = p.veto[yi]
    community_correction = {
        "committee": ok("correction_committee"),
        "announcement_venue": {"standardized": v[0], "office_facilities": v[1], "it_equipment": v[2]},
        "subjects": subjects,
        "with_team": with_team,
        "with_plan": with_plan,
        "with_archive": _part(rng, subjects, not ok("corr_archive")),
        "nine_clear": _part(rng, subjects, not ok("nine_clear")),
        "assessment_classification": not (sup_fail and rng.random() < 0.5),
        "analysis_meetings": analysis,
        "platform_records": {"total": platform_total,
                             "timely": _part(rng, platform_total, not ok("platform"))},
        "police_station": {"information_sharing": police[0], "regular_consultation": police[1],
                           "joint_control": police[2]},
        "escaped_supervision": 1 if (veto == 1 and subjects > 0) else 0,
        "missed_supervision": 0,
    }

    # -- resettlement
    persons = int(_ri(rng, 0, 40) * s)
    key_persons = min(persons, _ri(rng, 0, 5))
    resettlement = {
        "persons": persons,
        "ledger": ok("ledger"),
        "key_persons": key_persons,
        "key_person_plans": _part(rng, key_persons, not ok("key_plans")),
        "real_name_groups": _part(rng, persons, not ok("real_name")),
        "emergency_plan": ok("emergency_plan"),
        "serious_reoffences": 1 if (veto == 2 or (veto == 1 and subjects == 0)) else 0,
    }

    public_legal_service = {
        "station": {"established": ok("station"), "functional_zoning": ok("station_layout"),
                    "integrated_with_office": ok("integration")},
        "one_stop": ok("one_stop"),
        "special_campaigns": _ri(rng, 0, 1) if not ok("campaigns") else _ri(rng, 2, 10),
        "reconsideration_intake": rng.random() < (0.10, 0.25, 0.40)[yi] * (0.5 + q),
    }

    # -- staffing
    posts, staff, prof, lq = p.staffing_core(yi)
    new_staff = min(staff, _ri(rng, 0, 2))
    staffing = {
        "director_in_post": ok("director"),
        "authorized_posts": posts,
        "staff": staff,
        "legal_qualification": lq,
        "legal_professionals": prof,
        "dedicated_legal_post": not iss[I_DEDICATED],
    }
    if rng.random() < PREV_RATIO_RATE[yi]:
        staffing["previous_qualification_ratio"] = p.previous_ratio(yi)
    staffing["correction_social_workers"] = (0 if (not ok("social_workers") or subjects == 0
                                                   and rng.random() < 0.5) else _ri(rng, 1, 5))
    staffing["new_staff"] = new_staff
    staffing["new_staff_trained"] = _part(rng, new_staff, not ok("pre_job"))
    staffing["director_city_training"] = ok("director_training")
    staffing["training_sessions"] = _ri(rng, 0, 3) if not ok("training") else _ri(rng, 4, 12)

    # -- support
    good_total, low_total, good_business, low_business = p.areas
    total_area = low_total if iss[I_TOTAL_AREA] else good_total
    business = low_business if iss[I_BUSINESS_AREA] else good_business
    business = min(business, total_area * 0.6)
    area_fixed = (not iss[I_TOTAL_AREA]) and any(p.issues[j][I_TOTAL_AREA] for j in range(yi))
    built = area_fixed or p.reno_year <= year
    signage = ok("signage") if built else rng.random() < 0.7
    eligible = max(0, staff - _ri(rng, 0, 1))
    support = {
        "management_rules": ok("management_rules"),
        "affairs_openness": ok("openness"),
        "premises": {
            "total_area_m2": _area(total_area),
            "business_area_m2": _area(business),
            "archive": "none" if iss[I_ARCHIVE] else p.archive,
            "built_or_renovated": built,
            "signage_compliant": signage,
        },
        "information": {"unified_platform": ok("unified_platform"), "mobile_apps": ok("mobile"),
                        "self_service": rng.random() < (0.15, 0.30, 0.45)[yi] * (0.5 + q)},
        "allowance": {"eligible": eligible, "paid": _part(rng, eligible, not ok("allowance"))},
    }

    rec = {
        "format": OFFICE_FORMAT,
        "standard": STANDARD,
        "year": year,
        "office": {
            "code": code or p.code,
            "name": p.district + p.subdistrict + "司法所",
            "district": p.district,
            "subdistrict": p.subdistrict,
            "subdistrict_kind": p.kind,
        },
        "units": units,
        "political": {
            "study_mechanism": ok("study"),
            "party_life": ok("party_life"),
            "three_provisions": ok("three_provisions"),
            "discipline_violations": _ri(rng, 1, 2) if not ok("discipline") else 0,
        },
        "administration": administration,
        "mediation": mediation,
        "legal_education": legal_education,
        "community_correction": community_correction,
        "resettlement": resettlement,
        "public_legal_service": public_legal_service,
        "staffing": staffing,
        "support": support,
        "notes": NOTES,
    }

    # -- "not reported" fields
    if rng.random() < MISSING_RATE[yi]:
        for _ in range(_ri(rng, 1, 3)):
            pool = MISSABLE_MANDATORY if rng.random() < 0.25 else MISSABLE_STANDARD
            _delete(rec, pool[int(rng.random() * len(pool))], rng)
    return rec


def district_record(seed: int, district: str, year: int) -> dict:
    yi = year - YEARS[0]
    rng = random.Random(f"{seed}/district/{district}/{year}")

    def chance(*per_year: float) -> bool:
        return rng.random() < per_year[yi]

    return {
        "format": DISTRICT_FORMAT,
        "year": year,
        "district": district,
        "reported_to_leadership": chance(0.80, 0.90, 0.97),
        "implementation_plan": chance(0.85, 0.95, 1.0),
        "inspections": _ri(rng, 1, 5) + 2 * yi,
        "staff_training_sessions": _ri(rng, 1, 4) + yi,
        "self_assessment": chance(0.80, 0.95, 1.0),
        "experiences_promoted": _ri(rng, 0, 2) + yi,
        "survey_and_checkup": chance(0.85, 0.95, 0.95),
        "problem_list": chance(0.80, 0.95, 1.0),
        "rectification_ledger": chance(0.30, 0.90, 0.97),
        "typical_experiences": _ri(rng, 0, 1) + yi,
    }


def dumps(rec: dict) -> str:
    """Compact JSON, UTF-8 text (not \\u-escaped), keys in insertion order."""
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


_UNIT_KEYS = ("name", "kind", "mediation_committee", "legal_savvy_persons", "culture_sites",
              "democracy_demo", "legal_advisor")
_JSON_BOOL = {True: "true", False: "false"}


def dumps_office(rec: dict) -> str:
    """Same text as dumps(rec), about twice as fast: the units are written from a template.

    Unit names and kinds come from fixed lists of CJK characters that JSON never escapes; a
    unit with a field left out falls back to json.dumps.
    """
    units = rec.get("units")
    if not units or min(map(len, units)) != len(_UNIT_KEYS):  # office_record builds them in _UNIT_KEYS order
        return dumps(rec)
    b = _JSON_BOOL
    body = ",".join([
        f'{{"name":"{u["name"]}","kind":"{u["kind"]}","mediation_committee":{b[u["mediation_committee"]]},'
        f'"legal_savvy_persons":{u["legal_savvy_persons"]},"culture_sites":{u["culture_sites"]},'
        f'"democracy_demo":{b[u["democracy_demo"]]},"legal_advisor":{b[u["legal_advisor"]]}}}'
        for u in units])
    rec["units"] = []
    try:
        text = dumps(rec)
    finally:
        rec["units"] = units
    return text.replace('"units":[]', '"units":[' + body + "]", 1)


def deficiencies(rec: dict) -> int:
    """A simple count of the deficiencies the sample is built to show (for the README/tests)."""
    n = 0
    sup = rec.get("support", {})
    prem = sup.get("premises", {})
    n += prem.get("total_area_m2", 999) < 120
    n += prem.get("business_area_m2", 999) < 30
    n += prem.get("archive") == "none"
    for u in rec.get("units", []):
        n += u.get("kind") == "village" and u.get("legal_savvy_persons", 9) < 3
        n += u.get("culture_sites", 1) < 1
        n += u.get("mediation_committee") is False
    adm = rec.get("administration", {})
    for key in ("normative_documents", "major_decisions"):
        pr = adm.get(key, {})
        n += pr.get("reviewed", pr.get("total", 0)) < pr.get("total", 0)
    n += rec.get("staffing", {}).get("legal_professionals", 1) == 0
    n += rec.get("staffing", {}).get("dedicated_legal_post") is False
    al = sup.get("allowance", {})
    n += al.get("paid", al.get("eligible", 0)) < al.get("eligible", 0)
    n += rec.get("mediation", {}).get("subdistrict_committee") is False
    return n


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------
def _profiles(seed: int) -> list[Profile]:
    return [Profile(seed, code, d, sd, k) for code, d, sd, k in OFFICES]


def write_sample(outdir: Path, seed: int) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    profiles = _profiles(seed)
    stats = {}
    for year in YEARS:
        recs = [office_record(p, year, seed) for p in profiles]
        with open(outdir / f"offices-{year}.jsonl", "w", encoding="utf-8", newline="\n") as fh:
            for rec in recs:
                fh.write(dumps_office(rec) + "\n")
        stats[year] = (
            len(recs),
            sum(deficiencies(r) for r in recs),
            sum(deficiencies(r) > 0 for r in recs),
            sum(1 for r in recs if r["community_correction"]["escaped_supervision"]
                or r["resettlement"]["serious_reoffences"]),
            sum(len(r["units"]) for r in recs),
        )
    with open(outdir / "districts.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for year in YEARS:
            for d in DISTRICTS:
                fh.write(dumps(district_record(seed, d[0], year)) + "\n")
    with open(outdir / "README.md", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(_readme(seed, profiles, stats))


def _readme(seed: int, profiles: list[Profile], stats: dict) -> str:
    per_district = []
    for d in DISTRICTS:
        ps = [p for p in profiles if p.district == d[0]]
        st = sum(p.kind == "street" for p in ps)
        per_district.append(f"| {d[0]} | {d[1]} | {st} | {len(ps) - st} | {len(ps)} |")
    year_rows = [f"| {y} | {n} | {u} | {dn} | {do} | {v} |" for y, (n, dn, do, v, u) in stats.items()]
    seed_note = "" if seed == SEED else f"（注意：本目录用非默认种子 {seed} 生成）\n"
    return f"""# 样例数据 / sample data — 合成数据，非真实数据

**本目录中的全部数据均为程序生成的合成数据（SYNTHETIC），非真实数据，不反映任何司法所、区司法局的实际情况。**
司法所及街道、乡镇名称参照北京市行政区划；社区、村名称及全部数值均为虚构。
每条司法所记录的 `notes` 均为“{NOTES}”。
{seed_note}
**All data in this directory is SYNTHETIC**, produced by `scripts/gen_sample.py` with the fixed seed
`{seed}`; it is not real data about any office. Office and 街道/乡镇 names follow Beijing's
administrative divisions; community/village names and all figures are invented.

## Files
| file | content |
|---|---|
| `offices-2022.jsonl`, `offices-2023.jsonl`, `offices-2024.jsonl` | one `sifasuo.office/1` record per line (compact JSON, UTF-8), one per 司法所 per year; same offices, codes and units every year |
| `districts.jsonl` | one `sifasuo.district/1` record per district per year ({len(DISTRICTS)} × {len(YEARS)} = {len(DISTRICTS) * len(YEARS)} lines) |
| `README.md` | this file (also generated) |

Record format: `record-format.md` of the spec. Office code = 6-digit district code + 3-digit serial
(街道 001…, 镇 101…, 乡 201…).

## What the data is built to show
- Problems (用房面积不足120平方米 / 业务用房不足30平方米, 无档案室, 行政村“法律明白人”不足3名,
  社区（村）缺法治文化阵地或人民调解委员会, 合法性审核未全覆盖, 无法律专业人员, 津贴未足额发放 …) are
  common in 2022, fewer in 2023 and fewer still in 2024; most persist until closed, a few are new or
  regress, so a year-to-year rectification ledger has closed, open, regressed and new items.
- About {MISSING_RATE[0]:.0%} of 2022 records ({MISSING_RATE[1]:.0%} in 2023, {MISSING_RATE[2]:.0%} in 2024) leave a few fields out
  ("not reported"), sometimes a field of a mandatory rule (e.g. `support.premises.business_area_m2`).
- Rarely (≈{VETO_RATE:.1%} of records) an office has `escaped_supervision` or `serious_reoffences` = 1 (veto).
- `staffing.previous_qualification_ratio` is in every 2022 record but in only a few 2023/2024 records:
  a batch scorer takes last year's ratio from the previous-year record of the same `office.code`.
- `community_correction.analysis_meetings.required` is sometimes omitted (defaults to 12).

| year | offices | units | simple deficiency count | offices with ≥1 | veto records |
|---|---|---|---|---|---|
{chr(10).join(year_rows)}

("simple deficiency count" = the count computed by `deficiencies()` in `scripts/gen_sample.py`.)

| district | code | 街道 | 乡镇 | offices |
|---|---|---|---|---|
{chr(10).join(per_district)}
| total | | {sum(p.kind == "street" for p in profiles)} | {sum(p.kind != "street" for p in profiles)} | {len(profiles)} |

## Regenerate
```sh
python3 scripts/gen_sample.py                 # rewrites data/sample/ byte for byte (standard library only)
python3 scripts/gen_sample.py --outdir DIR    # the same files into DIR
python3 -m pytest tests/test_gen_sample.py    # checks determinism and validity
```

## Generate N records (benchmarks)
```sh
python3 scripts/gen_sample.py --count 1000000 --out /tmp/offices-1m.jsonl [--seed S]
python3 scripts/gen_sample.py --count 1000 --out -          # to stdout
```
Streams N valid office records, cycling through all offices and years (cycle 0 is exactly the
sample above when the seed is the default; in cycle k ≥ 1 every code gets the suffix `-kkkkkk`,
e.g. `110105004-000001`, and different units and figures, so `(code, year)` stays unique and each
suffixed office still has one record per year).
"""


def stream(count: int, out, seed: int) -> None:
    n_off = len(OFFICES)
    per_cycle = n_off * len(YEARS)
    cycle_profiles: list[Profile] = []
    cur_cycle = -1
    buf = []
    for i in range(count):
        cycle, r = divmod(i, per_cycle)
        yi, oi = divmod(r, n_off)
        if cycle != cur_cycle:
            cur_cycle = cycle
            suffix = "" if cycle == 0 else f"-{cycle:06d}"
            cycle_profiles = [Profile(seed, code + suffix, d, sd, k) for code, d, sd, k in OFFICES]
        buf.append(dumps_office(office_record(cycle_profiles[oi], YEARS[yi], seed)))
        if len(buf) >= 256:
            buf.append("")
            out.write("\n".join(buf))
            buf = []
    if buf:
        buf.append("")
        out.write("\n".join(buf))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    ap.add_argument("--outdir", type=Path, default=DEFAULT_OUTDIR,
                    help="sample mode: output directory (default data/sample/ of the repository)")
    ap.add_argument("--count", type=int, help="benchmark mode: number of office records to stream")
    ap.add_argument("--out", help="benchmark mode: output file, '-' for stdout")
    args = ap.parse_args(argv)
    if args.count is None:
        if args.out:
            ap.error("--out needs --count")
        write_sample(args.outdir, args.seed)
        return 0
    if args.count < 0 or not args.out:
        ap.error("--count needs a non-negative N and --out FILE")
    if args.out == "-":
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", buffering=1 << 20, closefd=False)
    else:
        out = open(args.out, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
    try:
        with out:
            stream(args.count, out, args.seed)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
