//! Reading each section of a record, in the order of the plan's headings.

use super::error::{ctx, ErrorCode};
use super::node::Node;
use super::reader::{integral, suggest, Obj, Path, Reader};
use crate::model::*;
use serde_json::json;
use std::collections::HashMap;

const POLITICAL: &[&str] = &[
    "study_mechanism",
    "party_life",
    "three_provisions",
    "discipline_violations",
];

pub(crate) fn political(r: &mut Reader, o: &Obj) -> Political {
    Political {
        study_mechanism: r.bool(o, "study_mechanism"),
        party_life: r.bool(o, "party_life"),
        three_provisions: r.bool(o, "three_provisions"),
        discipline_violations: r.count(o, "discipline_violations"),
    }
}

const ADMINISTRATION: &[&str] = &[
    "normative_documents",
    "major_decisions",
    "enforcement_decisions",
    "office_meetings",
    "pre_meeting_law_study",
    "reconsideration_litigation",
];

const REVIEWED: &[&str] = &["total", "reviewed"];
const ATTENDANCE: &[&str] = &["total", "attended"];
const HANDLED: &[&str] = &["total", "handled"];

fn reviewed(r: &mut Reader, o: &Obj, key: &str) -> Reviewed {
    r.section(o, key, REVIEWED, |r, o| {
        let v = Reviewed {
            total: r.count(o, "total"),
            reviewed: r.count(o, "reviewed"),
        };
        r.part_le_whole(o, ("reviewed", v.reviewed), ("total", v.total));
        v
    })
}

pub(crate) fn administration(r: &mut Reader, o: &Obj) -> Administration {
    Administration {
        normative_documents: reviewed(r, o, "normative_documents"),
        major_decisions: reviewed(r, o, "major_decisions"),
        enforcement_decisions: reviewed(r, o, "enforcement_decisions"),
        office_meetings: r.section(o, "office_meetings", ATTENDANCE, |r, o| {
            let v = Attendance {
                total: r.count(o, "total"),
                attended: r.count(o, "attended"),
            };
            r.part_le_whole(o, ("attended", v.attended), ("total", v.total));
            v
        }),
        pre_meeting_law_study: r.bool(o, "pre_meeting_law_study"),
        reconsideration_litigation: r.section(o, "reconsideration_litigation", HANDLED, |r, o| {
            let v = Handled {
                total: r.count(o, "total"),
                handled: r.count(o, "handled"),
            };
            r.part_le_whole(o, ("handled", v.handled), ("total", v.total));
            v
        }),
    }
}

const MEDIATION: &[&str] = &[
    "subdistrict_committee",
    "work_system",
    "pre_litigation",
    "administrative_mediation",
    "mediators",
    "disputes",
];

const DISPUTES: &[&str] = &["total", "resolved", "resolved_locally"];

pub(crate) fn mediation(r: &mut Reader, o: &Obj) -> Mediation {
    Mediation {
        subdistrict_committee: r.bool(o, "subdistrict_committee"),
        work_system: r.bool(o, "work_system"),
        pre_litigation: r.bool(o, "pre_litigation"),
        administrative_mediation: r.bool(o, "administrative_mediation"),
        mediators: r.count(o, "mediators"),
        disputes: r.section(o, "disputes", DISPUTES, |r, o| {
            let v = Disputes {
                total: r.count(o, "total"),
                resolved: r.count(o, "resolved"),
                resolved_locally: r.count(o, "resolved_locally"),
            };
            r.part_le_whole(o, ("resolved", v.resolved), ("total", v.total));
            r.part_le_whole(o, ("resolved_locally", v.resolved_locally), ("resolved", v.resolved));
            if v.resolved.is_none() {
                r.part_le_whole(o, ("resolved_locally", v.resolved_locally), ("total", v.total));
            }
            v
        }),
    }
}

const LEGAL_EDUCATION: &[&str] = &["subdistrict_culture_sites", "responsibility_system"];

pub(crate) fn legal_education(r: &mut Reader, o: &Obj) -> LegalEducation {
    LegalEducation {
        subdistrict_culture_sites: r.count(o, "subdistrict_culture_sites"),
        responsibility_system: r.bool(o, "responsibility_system"),
    }
}

const COMMUNITY_CORRECTION: &[&str] = &[
    "committee",
    "announcement_venue",
    "subjects",
    "with_team",
    "with_plan",
    "with_archive",
    "nine_clear",
    "assessment_classification",
    "analysis_meetings",
    "platform_records",
    "police_station",
    "escaped_supervision",
    "missed_supervision",
];

const ANNOUNCEMENT_VENUE: &[&str] = &["standardized", "office_facilities", "it_equipment"];
const ANALYSIS_MEETINGS: &[&str] = &["required", "held"];
const PLATFORM_RECORDS: &[&str] = &["total", "timely"];
const POLICE_STATION: &[&str] = &["information_sharing", "regular_consultation", "joint_control"];

pub(crate) fn community_correction(r: &mut Reader, o: &Obj) -> CommunityCorrection {
    let v = CommunityCorrection {
        committee: r.bool(o, "committee"),
        announcement_venue: r.section(o, "announcement_venue", ANNOUNCEMENT_VENUE, |r, o| AnnouncementVenue {
            standardized: r.bool(o, "standardized"),
            office_facilities: r.bool(o, "office_facilities"),
            it_equipment: r.bool(o, "it_equipment"),
        }),
        subjects: r.count(o, "subjects"),
        with_team: r.count(o, "with_team"),
        with_plan: r.count(o, "with_plan"),
        with_archive: r.count(o, "with_archive"),
        nine_clear: r.count(o, "nine_clear"),
        assessment_classification: r.bool(o, "assessment_classification"),
        analysis_meetings: r.section(o, "analysis_meetings", ANALYSIS_MEETINGS, |r, o| AnalysisMeetings {
            required: r.count(o, "required"),
            held: r.count(o, "held"),
        }),
        platform_records: r.section(o, "platform_records", PLATFORM_RECORDS, |r, o| {
            let v = PlatformRecords {
                total: r.count(o, "total"),
                timely: r.count(o, "timely"),
            };
            r.part_le_whole(o, ("timely", v.timely), ("total", v.total));
            v
        }),
        police_station: r.section(o, "police_station", POLICE_STATION, |r, o| PoliceStation {
            information_sharing: r.bool(o, "information_sharing"),
            regular_consultation: r.bool(o, "regular_consultation"),
            joint_control: r.bool(o, "joint_control"),
        }),
        escaped_supervision: r.count(o, "escaped_supervision"),
        missed_supervision: r.count(o, "missed_supervision"),
    };
    for (k, part) in [
        ("with_team", v.with_team),
        ("with_plan", v.with_plan),
        ("with_archive", v.with_archive),
        ("escaped_supervision", v.escaped_supervision),
        ("missed_supervision", v.missed_supervision),
        ("nine_clear", v.nine_clear),
    ] {
        r.part_le_whole(o, (k, part), ("subjects", v.subjects));
    }
    v
}

const RESETTLEMENT: &[&str] = &[
    "persons",
    "ledger",
    "key_persons",
    "key_person_plans",
    "real_name_groups",
    "emergency_plan",
    "serious_reoffences",
];

pub(crate) fn resettlement(r: &mut Reader, o: &Obj) -> Resettlement {
    let v = Resettlement {
        persons: r.count(o, "persons"),
        ledger: r.bool(o, "ledger"),
        key_persons: r.count(o, "key_persons"),
        key_person_plans: r.count(o, "key_person_plans"),
        real_name_groups: r.count(o, "real_name_groups"),
        emergency_plan: r.bool(o, "emergency_plan"),
        serious_reoffences: r.count(o, "serious_reoffences"),
    };
    r.part_le_whole(o, ("key_persons", v.key_persons), ("persons", v.persons));
    r.part_le_whole(
        o,
        ("key_person_plans", v.key_person_plans),
        ("key_persons", v.key_persons),
    );
    r.part_le_whole(o, ("real_name_groups", v.real_name_groups), ("persons", v.persons));
    v
}

const PUBLIC_LEGAL_SERVICE: &[&str] = &["station", "one_stop", "special_campaigns", "reconsideration_intake"];

const STATION: &[&str] = &["established", "functional_zoning", "integrated_with_office"];

pub(crate) fn public_legal_service(r: &mut Reader, o: &Obj) -> PublicLegalService {
    PublicLegalService {
        station: r.section(o, "station", STATION, |r, o| Station {
            established: r.bool(o, "established"),
            functional_zoning: r.bool(o, "functional_zoning"),
            integrated_with_office: r.bool(o, "integrated_with_office"),
        }),
        one_stop: r.bool(o, "one_stop"),
        special_campaigns: r.count(o, "special_campaigns"),
        reconsideration_intake: r.bool(o, "reconsideration_intake"),
    }
}

const STAFFING: &[&str] = &[
    "director_in_post",
    "authorized_posts",
    "staff",
    "legal_qualification",
    "legal_professionals",
    "dedicated_legal_post",
    "previous_qualification_ratio",
    "correction_social_workers",
    "new_staff",
    "new_staff_trained",
    "director_city_training",
    "training_sessions",
];

pub(crate) fn staffing(r: &mut Reader, o: &Obj) -> Staffing {
    let v = Staffing {
        director_in_post: r.bool(o, "director_in_post"),
        authorized_posts: r.count(o, "authorized_posts"),
        staff: r.count(o, "staff"),
        legal_qualification: r.count(o, "legal_qualification"),
        legal_professionals: r.count(o, "legal_professionals"),
        dedicated_legal_post: r.bool(o, "dedicated_legal_post"),
        previous_qualification_ratio: r.ratio(o, "previous_qualification_ratio"),
        correction_social_workers: r.count(o, "correction_social_workers"),
        new_staff: r.count(o, "new_staff"),
        new_staff_trained: r.count(o, "new_staff_trained"),
        director_city_training: r.bool(o, "director_city_training"),
        training_sessions: r.count(o, "training_sessions"),
    };
    r.part_le_whole(o, ("legal_qualification", v.legal_qualification), ("staff", v.staff));
    r.part_le_whole(o, ("legal_professionals", v.legal_professionals), ("staff", v.staff));
    r.part_le_whole(o, ("new_staff", v.new_staff), ("staff", v.staff));
    r.part_le_whole(
        o,
        ("new_staff_trained", v.new_staff_trained),
        ("new_staff", v.new_staff),
    );
    v
}

const SUPPORT: &[&str] = &[
    "management_rules",
    "affairs_openness",
    "premises",
    "information",
    "allowance",
];
const PREMISES: &[&str] = &[
    "total_area_m2",
    "business_area_m2",
    "archive",
    "built_or_renovated",
    "signage_compliant",
];
const INFORMATION: &[&str] = &["unified_platform", "mobile_apps", "self_service"];
const ALLOWANCE: &[&str] = &["eligible", "paid"];

pub(crate) fn support(r: &mut Reader, o: &Obj) -> Support {
    Support {
        management_rules: r.bool(o, "management_rules"),
        affairs_openness: r.bool(o, "affairs_openness"),
        premises: r.section(o, "premises", PREMISES, |r, o| {
            let v = Premises {
                total_area_m2: r.area(o, "total_area_m2"),
                business_area_m2: r.area(o, "business_area_m2"),
                archive: r.enumeration(o, "archive", &Archive::NAMES, false),
                built_or_renovated: r.bool(o, "built_or_renovated"),
                signage_compliant: r.bool(o, "signage_compliant"),
            };
            r.part_le_whole(
                o,
                ("business_area_m2", v.business_area_m2),
                ("total_area_m2", v.total_area_m2),
            );
            v
        }),
        information: r.section(o, "information", INFORMATION, |r, o| Information {
            unified_platform: r.bool(o, "unified_platform"),
            mobile_apps: r.bool(o, "mobile_apps"),
            self_service: r.bool(o, "self_service"),
        }),
        allowance: r.section(o, "allowance", ALLOWANCE, |r, o| {
            let v = Allowance {
                eligible: r.count(o, "eligible"),
                paid: r.count(o, "paid"),
            };
            r.part_le_whole(o, ("paid", v.paid), ("eligible", v.eligible));
            v
        }),
    }
}

const UNIT: &[&str] = &[
    "name",
    "kind",
    "mediation_committee",
    "legal_savvy_persons",
    "culture_sites",
    "democracy_demo",
    "legal_advisor",
];

/// Reads `units`; `None` when absent.
pub(crate) fn units(r: &mut Reader, o: &Obj) -> Option<Vec<Unit>> {
    let v = r.get(o, "units")?;
    let Node::Array(items) = v else {
        r.type_error(&o.at("units"), v, ("an array", "数组"));
        return None;
    };
    if items.len() > MAX_UNITS {
        r.push(
            ErrorCode::TooManyUnits,
            o.at("units"),
            ctx([("count", json!(items.len())), ("max", json!(MAX_UNITS))]),
        );
        return None;
    }
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    let mut out = Vec::with_capacity(items.len());
    let units_path = Path::Key(&o.path, "units");
    for (i, item) in items.iter().enumerate() {
        let Some(u) = r.object(item, Path::Index(&units_path, i), UNIT) else {
            continue;
        };
        let name = r.text(&u, "name", MAX_NAME_CHARS, true);
        // the valid name, borrowed from the input (`name` is a copy of it)
        if let (Some(_), Some(Node::String(n))) = (&name, u.map.get("name")) {
            // names that differ only in surrounding blanks are the same unit
            if let Some(first) = seen.insert(n.trim(), i) {
                r.push(
                    ErrorCode::DuplicateUnit,
                    u.at("name"),
                    ctx([("name", json!(n)), ("first_index", json!(first))]),
                );
            }
        }
        let unit = Unit {
            name: name.unwrap_or_default(),
            kind: r.enumeration(&u, "kind", &UnitKind::NAMES, false),
            mediation_committee: r.bool(&u, "mediation_committee"),
            legal_savvy_persons: r.count(&u, "legal_savvy_persons"),
            culture_sites: r.count(&u, "culture_sites"),
            democracy_demo: r.bool(&u, "democracy_demo"),
            legal_advisor: r.bool(&u, "legal_advisor"),
        };
        out.push(unit);
    }
    Some(out)
}

/// Reads `district` (required), suggesting the closest district for typos.
pub(crate) fn district(r: &mut Reader, o: &Obj, key: &str) -> Option<District> {
    let v = r.required(o, key)?;
    let Node::String(s) = v else {
        r.type_error(&o.at(key), v, ("a string", "字符串"));
        return None;
    };
    let s = s.as_ref();
    if let Some(d) = District::from_zh(s) {
        return Some(d);
    }
    let names = District::ALL.map(District::name_zh);
    // "朝阳" for "朝阳区", or a typo
    let sug = names
        .iter()
        .copied()
        .find(|n| n.starts_with(s) && !s.is_empty())
        .or_else(|| suggest(s, names.iter().copied()));
    let mut c = ctx([("value", json!(s))]);
    if let Some(sug) = sug {
        c.insert("suggestion".into(), json!(sug));
    }
    r.push(ErrorCode::UnknownDistrict, o.at(key), c);
    None
}

pub(crate) const OFFICE_RECORD: &[&str] = &[
    "format",
    "standard",
    "year",
    "office",
    "units",
    "political",
    "administration",
    "mediation",
    "legal_education",
    "community_correction",
    "resettlement",
    "public_legal_service",
    "staffing",
    "support",
    "notes",
];
const OFFICE_INFO: &[&str] = &["code", "name", "district", "subdistrict", "subdistrict_kind"];

/// Reads `standard` and `year`; `None` when either is unusable.
fn standard_and_year(r: &mut Reader, o: &Obj) -> (Option<Standard>, Option<i32>, bool) {
    let mut ok = true;
    let standard = match r.get(o, "standard") {
        None => None,
        Some(Node::String(s)) => match Standard::ALL.into_iter().find(|st| st.id() == s) {
            Some(st) => Some(st),
            None => {
                let mut c = ctx([("value", json!(s))]);
                if let Some(sug) = suggest(s, Standard::ALL.iter().map(|st| st.id())) {
                    c.insert("suggestion".into(), json!(sug));
                }
                r.push(ErrorCode::UnknownStandard, o.at("standard"), c);
                ok = false;
                None
            }
        },
        Some(v) => {
            r.type_error(&o.at("standard"), v, ("a string", "字符串"));
            ok = false;
            None
        }
    };
    let years = standard.unwrap_or_default().years();
    let year = r.required(o, "year").and_then(|v| {
        let Some((n, i)) = v.as_number().and_then(|n| integral(n).map(|i| (n, i))) else {
            r.type_error(&o.at("year"), v, ("an integer", "整数"));
            return None;
        };
        match i.and_then(|i| i32::try_from(i).ok()).filter(|y| years.contains(y)) {
            Some(y) => Some(y),
            None => {
                r.push(
                    ErrorCode::YearOutOfRange,
                    o.at("year"),
                    ctx([
                        ("value", json!(n)),
                        ("min", json!(years.start())),
                        ("max", json!(years.end())),
                    ]),
                );
                None
            }
        }
    });
    (standard, year, ok)
}

/// Reads a whole office record (the `format` was checked by the caller).
pub(crate) fn office_record(r: &mut Reader, o: &Obj) -> Option<OfficeRecord> {
    let (standard, year, std_ok) = standard_and_year(r, o);
    let info = r
        .required(o, "office")
        .and_then(|v| r.object(v, Path::Key(&o.path, "office"), OFFICE_INFO))
        .map(|i| {
            (
                r.text(&i, "code", MAX_CODE_CHARS, true),
                r.text(&i, "name", MAX_NAME_CHARS, true),
                district(r, &i, "district"),
                r.text(&i, "subdistrict", MAX_NAME_CHARS, true),
                r.enumeration::<SubdistrictKind>(&i, "subdistrict_kind", &SubdistrictKind::NAMES, true),
            )
        });
    let units = units(r, o);
    let political = r.section(o, "political", POLITICAL, political);
    let administration = r.section(o, "administration", ADMINISTRATION, administration);
    let mediation = r.section(o, "mediation", MEDIATION, mediation);
    let legal_education = r.section(o, "legal_education", LEGAL_EDUCATION, legal_education);
    let community_correction = r.section(o, "community_correction", COMMUNITY_CORRECTION, community_correction);
    let resettlement = r.section(o, "resettlement", RESETTLEMENT, resettlement);
    let public_legal_service = r.section(o, "public_legal_service", PUBLIC_LEGAL_SERVICE, public_legal_service);
    let staffing = r.section(o, "staffing", STAFFING, staffing);
    let support = r.section(o, "support", SUPPORT, support);
    let notes = r.text(o, "notes", MAX_NOTES_CHARS, false);
    let (Some(year), Some((Some(code), Some(name), Some(district), Some(subdistrict), Some(kind)))) = (year, info)
    else {
        return None;
    };
    if !std_ok {
        return None;
    }
    Some(OfficeRecord {
        format: OfficeFormat::V1,
        standard,
        year,
        office: OfficeInfo {
            code,
            name,
            district,
            subdistrict,
            subdistrict_kind: kind,
        },
        units,
        political,
        administration,
        mediation,
        legal_education,
        community_correction,
        resettlement,
        public_legal_service,
        staffing,
        support,
        notes,
    })
}

pub(crate) const DISTRICT_RECORD: &[&str] = &[
    "format",
    "standard",
    "year",
    "district",
    "reported_to_leadership",
    "implementation_plan",
    "inspections",
    "staff_training_sessions",
    "self_assessment",
    "experiences_promoted",
    "survey_and_checkup",
    "problem_list",
    "rectification_ledger",
    "typical_experiences",
];

/// Reads a whole district record.
pub(crate) fn district_record(r: &mut Reader, o: &Obj) -> Option<DistrictRecord> {
    let (standard, year, std_ok) = standard_and_year(r, o);
    let district = district(r, o, "district");
    let rec = DistrictRecord {
        format: DistrictFormat::V1,
        standard,
        year: year.unwrap_or_default(),
        district: district.unwrap_or(District::Dongcheng),
        reported_to_leadership: r.bool(o, "reported_to_leadership"),
        implementation_plan: r.bool(o, "implementation_plan"),
        inspections: r.count(o, "inspections"),
        staff_training_sessions: r.count(o, "staff_training_sessions"),
        self_assessment: r.bool(o, "self_assessment"),
        experiences_promoted: r.count(o, "experiences_promoted"),
        survey_and_checkup: r.bool(o, "survey_and_checkup"),
        problem_list: r.bool(o, "problem_list"),
        rectification_ledger: r.bool(o, "rectification_ledger"),
        typical_experiences: r.count(o, "typical_experiences"),
    };
    (year.is_some() && district.is_some() && std_ok).then_some(rec)
}

#[cfg(test)]
pub(crate) fn known_fields() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("Political", POLITICAL),
        ("Administration", ADMINISTRATION),
        ("Reviewed", REVIEWED),
        ("Attendance", ATTENDANCE),
        ("Handled", HANDLED),
        ("Mediation", MEDIATION),
        ("Disputes", DISPUTES),
        ("LegalEducation", LEGAL_EDUCATION),
        ("CommunityCorrection", COMMUNITY_CORRECTION),
        ("AnnouncementVenue", ANNOUNCEMENT_VENUE),
        ("AnalysisMeetings", ANALYSIS_MEETINGS),
        ("PlatformRecords", PLATFORM_RECORDS),
        ("PoliceStation", POLICE_STATION),
        ("Resettlement", RESETTLEMENT),
        ("PublicLegalService", PUBLIC_LEGAL_SERVICE),
        ("Station", STATION),
        ("Staffing", STAFFING),
        ("Support", SUPPORT),
        ("Premises", PREMISES),
        ("Information", INFORMATION),
        ("Allowance", ALLOWANCE),
        ("Unit", UNIT),
        ("OfficeInfo", OFFICE_INFO),
        ("OfficeRecord", OFFICE_RECORD),
        ("DistrictRecord", DISTRICT_RECORD),
    ]
}

#[cfg(test)]
mod tests {
    use super::known_fields;
    use crate::schema::{schema, SchemaKind};
    use std::collections::{BTreeMap, BTreeSet};

    /// The fields the validator reads are exactly the properties of the JSON Schema, struct by struct.
    #[test]
    fn schema_properties_are_the_known_fields() {
        let known: BTreeMap<&str, BTreeSet<&str>> = known_fields()
            .into_iter()
            .map(|(name, fields)| (name, fields.iter().copied().collect()))
            .collect();
        let mut seen = BTreeSet::new();
        for (kind, root) in [
            (SchemaKind::Office, "OfficeRecord"),
            (SchemaKind::District, "DistrictRecord"),
        ] {
            let s = schema(kind);
            let mut objects = vec![(root.to_string(), s.clone())];
            for (name, def) in s["$defs"].as_object().unwrap() {
                objects.push((name.clone(), def.clone()));
            }
            for (name, obj) in objects {
                let Some(props) = obj.get("properties").and_then(|p| p.as_object()) else {
                    continue;
                };
                let props: BTreeSet<&str> = props.keys().map(String::as_str).collect();
                let want = known
                    .get(name.as_str())
                    .unwrap_or_else(|| panic!("{name}: no known-field list"));
                assert_eq!(&props, want, "{name}");
                seen.insert(name);
            }
        }
        let unseen: Vec<&&str> = known.keys().filter(|k| !seen.contains(**k)).collect();
        assert!(
            unseen.is_empty(),
            "known-field lists without a schema object: {unseen:?}"
        );
    }
}
