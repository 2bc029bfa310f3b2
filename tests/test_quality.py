"""Retrieval quality on the labelled question sets: the regression gate for ranking changes.

The product must beat plain BM25 on every metric, on every set; the floors sit a little under
what the README reports, so a change that costs quality fails here before anyone ships it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.evaluate import (
    Metrics,
    Question,
    baseline,
    evaluate,
    load_questions,
    paragraph_judge,
)
from retrieval.index import SearchIndex
from retrieval.model import Passage
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of, read

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILE = ROOT / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"
DEV_SET = ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"
SEGMENTER = default_segmenter()

SETS = [
    pytest.param(ROOT / "corpus" / "questions.jsonl", id="questions"),
    pytest.param(ROOT / "corpus" / "holdout.jsonl", id="holdout"),
    pytest.param(
        DEV_SET,
        id="shared-dev",
        marks=pytest.mark.skipif(not DEV_SET.exists(), reason="../shared/eval is not beside"),
    ),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return index_of([read(CORPUS_FILE)], SEGMENTER)


def measure(index: SearchIndex, path: Path) -> tuple[Metrics, Metrics]:
    questions = load_questions(path)
    judge = paragraph_judge([p.text for p in index.passages])
    ours = evaluate(
        questions, lambda q: [h.passage for h in answer(index, q, SEGMENTER).hits], judge
    )
    return ours, evaluate(questions, baseline(index.passages), judge)


@pytest.mark.parametrize("path", SETS)
def test_studybot_beats_plain_bm25_on_every_metric(index: SearchIndex, path: Path) -> None:
    ours, base = measure(index, path)
    assert ours.hit1 > base.hit1 and ours.mrr5 > base.mrr5
    assert ours.hit3 >= base.hit3
    assert ours.abstained > base.abstained


@pytest.mark.parametrize("path", SETS)
def test_quality_stays_above_the_reported_floor(index: SearchIndex, path: Path) -> None:
    ours, _ = measure(index, path)
    assert ours.hit1 >= 0.93, ours.misses
    assert ours.hit3 >= 0.97
    assert ours.abstained >= 0.85 * ours.out_of_scope
    assert ours.wrongly_refused <= 0.02 * ours.answerable


def passage(text: str) -> Passage:
    return Passage("d.txt", "标题", (), 1, 1, text)


def test_metrics_follow_the_shared_definitions() -> None:
    a, b, c = passage("甲段落的开头和正文"), passage("乙段落的开头"), passage("丙段落")
    questions = [
        Question("q1", ("甲段落",)),  # found at rank 1
        Question("q2", ("乙段落",)),  # found at rank 2
        Question("q3", ("丙段落",)),  # refused
        Question("q4", ()),  # out of scope, abstained
        Question("q5", ()),  # out of scope, answered
    ]
    results = {"q1": [a, b], "q2": [c, b], "q3": [], "q4": [], "q5": [a]}
    got = evaluate(questions, lambda q: results[q], paragraph_judge([a.text, b.text, c.text]))
    assert (got.answerable, got.out_of_scope) == (3, 2)
    assert got.hit1 == pytest.approx(1 / 3) and got.hit3 == pytest.approx(2 / 3)
    assert got.mrr5 == pytest.approx((1 + 1 / 2) / 3)
    assert (got.abstained, got.wrongly_refused, got.misses) == (1, 1, ("q2", "q3"))
    assert (got.refusals, got.answered_out_of_scope) == (("q3",), ("q5",))


# --- many documents --------------------------------------------------------------------

REALDEV = ROOT.parent / "shared" / "realdev"
CORPORA = ROOT / "tests" / "data" / "corpora"


def corpus_set(
    name: str, floors: tuple[float, float, float, int, int], folder: Path | None = None
) -> object:
    """A real corpus (`tests/data/corpora/<name>` unless given) and its questions, with the
    floors under what it measured: Hit@1, Hit@3, right document at rank 1, out-of-scope
    questions refused, answerable refused."""
    folder = folder or CORPORA / name
    return pytest.param(
        folder,
        floors,
        id=name,
        marks=pytest.mark.skipif(not folder.is_dir(), reason=f"{folder} is not there"),
    )


MANY = [
    corpus_set("realdev", (0.89, 0.92, 0.96, 22, 2), REALDEV),
    corpus_set("reports_2014_2016", (0.92, 0.97, 0.98, 21, 1)),
    corpus_set("lianzheng_speeches", (0.88, 0.94, 0.95, 14, 2)),
    corpus_set("provincial_2026", (0.89, 0.91, 0.97, 19, 2)),
    corpus_set("study_bundles", (0.77, 0.86, 0.93, 18, 2)),
    corpus_set("reports_2009_2011", (0.83, 0.92, 0.94, 17, 1)),
    corpus_set("reports_2006_2007", (0.84, 0.91, 0.95, 20, 1)),
    corpus_set("reports_2008_2013", (0.93, 0.96, 0.98, 14, 1)),
    corpus_set("school_party_texts", (0.76, 0.87, 0.95, 20, 2)),
    corpus_set("reports_2018_2020", (0.84, 0.89, 0.94, 18, 3)),
    corpus_set("congress_plenums", (0.72, 0.84, 0.89, 19, 3)),
    corpus_set("reports_2003_2022", (0.84, 0.90, 0.95, 15, 4)),
    corpus_set("discipline_study_pages", (0.82, 0.88, 0.96, 14, 3)),
    corpus_set("speeches_by_occasion", (0.68, 0.76, 0.86, 16, 9)),
    corpus_set("local_texts_2026", (0.77, 0.90, 0.96, 13, 2)),
    corpus_set("reports_2023_2025", (0.74, 0.78, 0.89, 11, 9)),
    corpus_set("rules_and_plenums", (0.77, 0.84, 0.90, 19, 7)),
    corpus_set("city_reports_and_lectures", (0.82, 0.87, 0.91, 18, 5)),
    corpus_set("mixed_study_folder", (0.75, 0.88, 0.91, 15, 5)),
    corpus_set("party_committee_folder", (0.77, 0.87, 0.91, 16, 6)),
    corpus_set("business_environment_folder", (0.87, 0.90, 0.93, 14, 5)),
    corpus_set("discipline_organization_folder", (0.84, 0.89, 0.94, 13, 5)),
    corpus_set("rural_governance_folder", (0.84, 0.88, 0.90, 18, 6)),
    corpus_set("culture_civics_folder", (0.72, 0.80, 0.89, 15, 7)),
    corpus_set("soe_party_building_folder", (0.66, 0.77, 0.89, 15, 6)),
    corpus_set("rule_of_law_folder", (0.68, 0.76, 0.84, 17, 11)),
    corpus_set("ecology_rivers_folder", (0.86, 0.89, 0.94, 12, 5)),
    corpus_set("health_insurance_folder", (0.80, 0.87, 0.91, 16, 6)),
    corpus_set("science_technology_folder", (0.82, 0.87, 0.90, 17, 6)),
    corpus_set("united_front_folder", (0.82, 0.86, 0.92, 13, 8)),
    corpus_set("work_safety_folder", (0.74, 0.86, 0.88, 19, 7)),
    corpus_set("youth_league_folder", (0.74, 0.79, 0.87, 14, 11)),
    corpus_set("housing_property_folder", (0.71, 0.79, 0.89, 15, 9)),
    corpus_set("audit_finance_folder", (0.79, 0.84, 0.87, 15, 11)),
    corpus_set("education_law_folder", (0.68, 0.79, 0.79, 18, 13)),
    corpus_set("civil_affairs_folder", (0.66, 0.79, 0.84, 14, 13)),
    corpus_set("anniversary_speeches_folder", (0.80, 0.86, 0.94, 16, 4)),
    corpus_set("labour_employment_folder", (0.71, 0.75, 0.82, 15, 13)),
    corpus_set("guangdong_reports_2021_2025", (0.78, 0.88, 0.93, 14, 5)),
    corpus_set("discipline_cases_folder", (0.77, 0.82, 0.89, 11, 6)),
    corpus_set("cyber_data_folder", (0.64, 0.71, 0.80, 17, 15)),
    corpus_set("statistics_law_folder", (0.72, 0.85, 0.87, 16, 6)),
    corpus_set("food_drug_safety_folder", (0.69, 0.77, 0.85, 16, 11)),
    corpus_set("veterans_defence_folder", (0.81, 0.86, 0.89, 17, 7)),
    corpus_set("tax_law_folder", (0.65, 0.74, 0.79, 13, 18)),
    corpus_set("municipal_reports_2024_2025", (0.82, 0.87, 0.90, 17, 3)),
    corpus_set("ip_law_folder", (0.63, 0.75, 0.83, 19, 15)),
    corpus_set("road_traffic_safety_folder", (0.62, 0.72, 0.77, 18, 16)),
    corpus_set("land_planning_folder", (0.74, 0.83, 0.85, 16, 12)),
    corpus_set("supervision_civil_service_folder", (0.75, 0.83, 0.90, 16, 9)),
    corpus_set("archives_secrecy_folder", (0.67, 0.74, 0.85, 16, 13)),
    corpus_set("public_health_folder", (0.70, 0.74, 0.84, 18, 15)),
    corpus_set("pollution_control_folder", (0.66, 0.76, 0.81, 20, 16)),
    corpus_set("agriculture_folder", (0.67, 0.76, 0.83, 17, 18)),
    corpus_set("consumer_markets_folder", (0.68, 0.73, 0.79, 17, 23)),
    corpus_set("water_folder", (0.71, 0.75, 0.78, 21, 10)),
    corpus_set("culture_sport_folder", (0.74, 0.81, 0.86, 20, 15)),
    corpus_set("minors_women_elderly_folder", (0.67, 0.75, 0.81, 19, 19)),
    corpus_set("energy_resources_folder", (0.75, 0.84, 0.88, 16, 7)),
    corpus_set("tourism_charity_folder", (0.77, 0.82, 0.88, 17, 11)),
    corpus_set("transport_postal_folder", (0.68, 0.73, 0.79, 21, 20)),
    corpus_set("finance_folder", (0.67, 0.70, 0.82, 19, 13)),
    corpus_set("forestry_wildlife_folder", (0.70, 0.80, 0.87, 19, 13)),
    corpus_set("courts_lawyers_folder", (0.72, 0.81, 0.94, 15, 5)),
    corpus_set("congresses_elections_folder", (0.63, 0.72, 0.81, 18, 18)),
    corpus_set("trade_customs_folder", (0.81, 0.87, 0.93, 22, 8)),
    corpus_set("emergency_fire_folder", (0.78, 0.83, 0.88, 21, 12)),
    corpus_set("procurement_bidding_folder", (0.81, 0.87, 0.88, 22, 8)),
    corpus_set("oceans_fisheries_folder", (0.74, 0.81, 0.87, 19, 13)),
    corpus_set("companies_bankruptcy_folder", (0.73, 0.80, 0.87, 18, 8)),
    corpus_set("social_insurance_folder", (0.82, 0.91, 0.96, 16, 4)),
    corpus_set("standards_metrology_folder", (0.84, 0.92, 0.94, 17, 6)),
    corpus_set("school_study_speeches", (0.70, 0.79, 0.88, 15, 8)),
    corpus_set("party_discipline_rules", (0.80, 0.83, 0.88, 18, 13)),
    corpus_set("school_ceremony_speeches", (0.70, 0.80, 0.92, 14, 5)),
    corpus_set("national_security_folder", (0.80, 0.84, 0.93, 20, 6)),
    # (out of scope 17 until v35's everyday synonyms: with 鞭炮 a word the corpus holds, one
    # question of 放鞭炮 is answered by an unrelated article, as 电动车 answers three in
    # ebikes_folder with other cities' or other topics' rules; +20 at rank 1 and 23 fewer
    # refusals on all sets)
    corpus_set("city_management_folder", (0.69, 0.72, 0.79, 16, 10)),
    corpus_set("competition_pricing_folder", (0.85, 0.87, 0.91, 20, 6)),
    corpus_set("religion_ethnic_folder", (0.82, 0.84, 0.91, 17, 6)),
    corpus_set("weather_disasters_folder", (0.85, 0.88, 0.92, 19, 7)),
    corpus_set("petitions_redress_folder", (0.85, 0.89, 0.92, 19, 4)),
    corpus_set("livestock_seeds_folder", (0.82, 0.89, 0.90, 20, 8)),
    corpus_set("cultural_heritage_folder", (0.87, 0.89, 0.91, 20, 5)),
    corpus_set("medical_disputes_folder", (0.85, 0.91, 0.94, 15, 5)),
    corpus_set("study_meetings_pages", (0.83, 0.90, 0.94, 14, 2)),
    corpus_set("vocational_education_folder", (0.79, 0.84, 0.87, 17, 8)),
    corpus_set("identity_residence_folder", (0.72, 0.80, 0.86, 15, 7)),
    corpus_set("grain_food_folder", (0.86, 0.93, 0.96, 16, 2)),
    corpus_set("press_publishing_folder", (0.80, 0.89, 0.91, 16, 8)),
    corpus_set("yangzhou_news_pages", (0.73, 0.86, 0.90, 12, 7)),
    corpus_set("corrections_prisons_folder", (0.75, 0.80, 0.89, 14, 9)),
    corpus_set("accounting_folder", (0.76, 0.81, 0.87, 17, 9)),
    corpus_set("tobacco_salt_folder", (0.87, 0.89, 0.93, 16, 5)),
    corpus_set("sichuan_pages", (0.61, 0.74, 0.82, 12, 8)),
    # (v39: the lower bar for rule articles, +5 at rank 1 and one out-of-scope question answered)
    corpus_set("public_security_folder", (0.65, 0.75, 0.72, 22, 14)),
    corpus_set("court_procuratorate_reports_pages", (0.60, 0.67, 0.75, 17, 9)),
    corpus_set("party_lectures_folder", (0.76, 0.84, 0.92, 15, 6)),
    corpus_set("beijing_reports_pages", (0.80, 0.86, 0.90, 17, 3)),
    corpus_set("economic_conferences_pages", (0.77, 0.82, 0.85, 16, 6)),
    corpus_set("foreign_affairs_folder", (0.71, 0.83, 0.82, 16, 10)),
    corpus_set("shanghai_reports_pages", (0.73, 0.77, 0.77, 12, 16)),
    corpus_set("family_marriage_folder", (0.77, 0.83, 0.85, 16, 9)),
    corpus_set("housing_expropriation_folder", (0.71, 0.78, 0.80, 17, 9)),
    corpus_set("sichuan_reports_excerpts", (0.73, 0.81, 0.80, 15, 11)),
    corpus_set("elderly_disability_folder", (0.76, 0.80, 0.83, 18, 13)),
    corpus_set("conduct_rules_pages", (0.68, 0.73, 0.73, 13, 13)),
    corpus_set("rural_no1_documents_folder", (0.87, 0.88, 0.89, 15, 5)),
    corpus_set("five_year_plans_pages", (0.69, 0.76, 0.80, 9, 8)),
    corpus_set("contracts_consumers_folder", (0.71, 0.78, 0.81, 17, 10)),
    corpus_set("statistical_bulletins_pages", (0.80, 0.88, 0.92, 12, 5)),
    corpus_set("party_constitution_folder", (0.63, 0.77, 0.80, 12, 10)),
    corpus_set("administrative_law_folder", (0.67, 0.75, 0.81, 15, 18)),
    corpus_set("cppcc_pages", (0.61, 0.74, 0.77, 13, 11)),
    corpus_set("party_congress_reports_pages", (0.66, 0.77, 0.86, 11, 9)),
    corpus_set("science_popularisation_folder", (0.74, 0.81, 0.80, 18, 14)),
    corpus_set("infectious_disease_folder", (0.74, 0.83, 0.84, 21, 7)),
    corpus_set("commemorative_speeches_pages", (0.71, 0.74, 0.85, 19, 13)),
    corpus_set("population_family_planning_folder", (0.73, 0.78, 0.78, 17, 18)),
    corpus_set("sport_law_folder", (0.77, 0.80, 0.83, 19, 14)),
    corpus_set("hainan_free_trade_port_folder", (0.81, 0.86, 0.86, 13, 11)),
    corpus_set("central_provinces_reports_pages", (0.84, 0.92, 0.93, 14, 5)),
    corpus_set("two_sessions_deliberations_pages", (0.68, 0.75, 0.82, 12, 10)),
    corpus_set("dispute_resolution_folder", (0.66, 0.81, 0.80, 10, 9)),
    corpus_set("budget_reports_pages", (0.75, 0.83, 0.82, 17, 6)),
    corpus_set("press_conferences_pages", (0.87, 0.95, 0.97, 17, 3)),
    corpus_set("public_order_fraud_folder", (0.74, 0.76, 0.79, 18, 20)),
    corpus_set("foreign_investment_folder", (0.71, 0.76, 0.81, 13, 11)),
    corpus_set("energy_saving_folder", (0.69, 0.82, 0.82, 17, 12)),
    corpus_set("cadre_training_speeches_pages", (0.76, 0.85, 0.84, 11, 5)),
    corpus_set("autonomous_regions_reports_pages", (0.79, 0.87, 0.85, 16, 8)),
    corpus_set("rural_land_collectives_folder", (0.73, 0.80, 0.85, 14, 10)),
    corpus_set("city_reports_pages", (0.70, 0.75, 0.78, 13, 12)),
    corpus_set("science_talent_speeches_pages", (0.77, 0.87, 0.83, 12, 8)),
    corpus_set("cadre_rules_pages", (0.56, 0.59, 0.62, 14, 16)),
    corpus_set("private_economy_folder", (0.68, 0.73, 0.74, 19, 20)),
    corpus_set("npc_standing_reports_pages", (0.74, 0.83, 0.82, 20, 10)),
    corpus_set("northeast_reports_pages", (0.80, 0.89, 0.88, 12, 2)),
    corpus_set("trade_unions_folder", (0.80, 0.90, 0.91, 17, 3)),
    corpus_set("ecology_speeches_pages", (0.73, 0.81, 0.83, 14, 10)),
    corpus_set("securities_futures_folder", (0.72, 0.77, 0.78, 21, 8)),
    corpus_set("county_reports_pages", (0.73, 0.81, 0.87, 13, 5)),
    corpus_set("medicine_practice_folder", (0.70, 0.82, 0.78, 17, 15)),
    corpus_set("rural_work_conferences_pages", (0.75, 0.84, 0.87, 16, 6)),
    corpus_set("civil_defence_folder", (0.67, 0.74, 0.75, 17, 11)),
    corpus_set("propaganda_conferences_pages", (0.69, 0.85, 0.88, 14, 5)),
    corpus_set("state_assets_folder", (0.81, 0.88, 0.91, 15, 5)),
    corpus_set("social_organisations_folder", (0.75, 0.84, 0.84, 19, 8)),
    corpus_set("new_year_speeches_pages", (0.63, 0.68, 0.75, 17, 12)),
    corpus_set("highways_folder", (0.72, 0.78, 0.81, 17, 13)),
    corpus_set("provincial_plenums_pages", (0.69, 0.78, 0.85, 9, 7)),
    corpus_set("hk_macao_basic_laws_folder", (0.58, 0.66, 0.78, 19, 17)),
    corpus_set("keynote_speeches_pages", (0.64, 0.75, 0.78, 14, 8)),
    corpus_set("white_papers_pages", (0.74, 0.86, 0.89, 14, 4)),
    corpus_set("urban_planning_folder", (0.77, 0.86, 0.89, 15, 4)),
    corpus_set("ai_governance_pages", (0.73, 0.82, 0.85, 15, 8)),
    corpus_set("street_offices_folder", (0.67, 0.82, 0.85, 15, 5)),
    corpus_set("funeral_burial_folder", (0.76, 0.86, 0.85, 16, 5)),
    corpus_set("inspection_tours_pages", (0.74, 0.85, 0.82, 13, 2)),
    corpus_set("wetlands_blackland_folder", (0.75, 0.81, 0.83, 13, 11)),
    corpus_set("provincial_congress_sessions_pages", (0.78, 0.86, 0.90, 11, 3)),
    corpus_set("school_safety_folder", (0.76, 0.83, 0.89, 14, 6)),
    corpus_set("first_secretaries_folder", (0.86, 0.89, 0.94, 11, 5)),
    corpus_set("drug_control_folder", (0.81, 0.90, 0.90, 14, 7)),
    corpus_set("information_disclosure_folder", (0.63, 0.79, 0.77, 13, 5)),
    corpus_set("cross_strait_pages", (0.54, 0.64, 0.70, 18, 11)),
    corpus_set("occupational_health_folder", (0.74, 0.83, 0.88, 15, 5)),
    corpus_set("surveying_maps_folder", (0.82, 0.93, 0.93, 18, 5)),
    corpus_set("lotteries_folder", (0.67, 0.82, 0.81, 17, 7)),
    corpus_set("mandarin_script_folder", (0.71, 0.80, 0.80, 14, 4)),
    corpus_set("libraries_museums_folder", (0.78, 0.84, 0.89, 18, 9)),
    corpus_set("radio_aviation_folder", (0.76, 0.84, 0.86, 18, 14)),
    corpus_set("borders_islands_folder", (0.83, 0.89, 0.92, 16, 7)),
    corpus_set("banking_auctions_notary_folder", (0.72, 0.80, 0.86, 12, 10)),
    corpus_set("city_secretaries_speeches_pages", (0.79, 0.90, 0.93, 12, 2)),
    corpus_set("advertising_folder", (0.70, 0.76, 0.85, 16, 11)),
    corpus_set("national_symbols_folder", (0.68, 0.78, 0.82, 17, 9)),
    corpus_set("township_reports_pages", (0.72, 0.73, 0.86, 11, 5)),
    corpus_set("red_cross_blood_organs_folder", (0.63, 0.75, 0.80, 16, 7)),
    corpus_set("vaccines_folder", (0.70, 0.77, 0.82, 12, 6)),
    corpus_set("chinese_medicine_folder", (0.83, 0.88, 0.89, 13, 4)),
    corpus_set("university_ceremony_speeches_pages", (0.65, 0.78, 0.83, 12, 6)),
    corpus_set("local_chronicles_folder", (0.77, 0.89, 0.93, 13, 4)),
    corpus_set("online_shopping_folder", (0.66, 0.79, 0.79, 18, 13)),
    corpus_set("military_service_folder", (0.66, 0.79, 0.81, 16, 6)),
    corpus_set("county_plenums_pages", (0.87, 0.92, 0.95, 8, 2)),
    corpus_set("volunteering_donations_folder", (0.76, 0.81, 0.86, 17, 9)),
    corpus_set("ports_shipping_folder", (0.84, 0.88, 0.91, 17, 7)),
    corpus_set("product_quality_recalls_folder", (0.74, 0.83, 0.83, 17, 12)),
    corpus_set("western_provinces_reports_pages", (0.81, 0.85, 0.87, 15, 7)),
    corpus_set("women_rights_folder", (0.71, 0.81, 0.78, 14, 11)),
    corpus_set("mining_geology_folder", (0.70, 0.79, 0.78, 21, 10)),
    corpus_set("discipline_plenums_pages", (0.82, 0.89, 0.91, 12, 5)),
    # (0.71 until v35 named pages without a title line by their lead: two of its pages' leads
    # now name them, which costs this set two at rank 1 and gains twelve elsewhere)
    corpus_set("city_economic_conferences_pages", (0.69, 0.78, 0.90, 11, 4)),
    corpus_set("farmer_cooperatives_folder", (0.71, 0.81, 0.82, 15, 11)),
    corpus_set("family_education_folder", (0.66, 0.74, 0.73, 19, 10)),
    corpus_set("river_basins_folder", (0.79, 0.90, 0.88, 15, 5)),
    corpus_set("town_gas_folder", (0.78, 0.82, 0.87, 16, 8)),
    corpus_set("ebikes_folder", (0.60, 0.66, 0.73, 11, 18)),  # (14 until v35: see city_management)
    corpus_set("academic_degrees_folder", (0.65, 0.74, 0.76, 16, 10)),
    corpus_set("food_waste_folder", (0.82, 0.88, 0.96, 14, 3)),
    corpus_set("grasslands_folder", (0.67, 0.75, 0.79, 15, 17)),
    corpus_set("investigation_research_pages", (0.70, 0.78, 0.84, 9, 10)),
    corpus_set("county_npc_reports_pages", (0.66, 0.77, 0.90, 9, 4)),
    corpus_set("quarantine_folder", (0.77, 0.85, 0.83, 16, 7)),
    corpus_set("lay_assessors_folder", (0.74, 0.85, 0.84, 12, 3)),
    # (v39: the lower bar for rule articles answers 物业费…由谁来定 from a sales regulation)
    corpus_set("real_estate_folder", (0.73, 0.80, 0.81, 20, 11)),
    # group 38, first contact with v29 (ebda368)
    corpus_set("party_life_meetings_folder", (0.73, 0.84, 0.83, 12, 3)),
    corpus_set("preschool_education_folder", (0.63, 0.72, 0.73, 17, 17)),
    corpus_set("accessibility_folder", (0.69, 0.80, 0.78, 19, 9)),
    corpus_set("department_work_summaries_pages", (0.79, 0.87, 0.91, 10, 6)),
    # group 39, first contact with v30
    corpus_set("inspection_rectification_pages", (0.70, 0.83, 0.90, 11, 4)),
    corpus_set("officials_work_reports_pages", (0.68, 0.84, 0.91, 13, 8)),
    corpus_set("biosafety_folder", (0.78, 0.83, 0.86, 19, 9)),
    corpus_set("special_equipment_folder", (0.63, 0.77, 0.78, 15, 6)),
    # group 40, first contact with v30 (v29 the same)
    corpus_set("nature_reserves_folder", (0.57, 0.68, 0.63, 16, 13)),
    corpus_set("proposal_replies_pages", (0.72, 0.80, 0.86, 12, 3)),
    corpus_set("inheritance_folder", (0.55, 0.62, 0.67, 12, 17)),
    corpus_set("commendation_speeches_pages", (0.73, 0.80, 0.89, 12, 5)),
    # group 41, first contact with v31 (v30: 318 of 462 at rank 1; v31 319)
    corpus_set("garbage_sorting_folder", (0.70, 0.78, 0.82, 16, 9)),
    corpus_set("college_admissions_pages", (0.75, 0.86, 0.89, 12, 7)),
    corpus_set("executive_meetings_pages", (0.59, 0.67, 0.72, 15, 13)),
    corpus_set("greetings_letters_pages", (0.63, 0.73, 0.89, 16, 9)),
    # group 42, first contact with v31 (v30: the same 352 of 458 at rank 1)
    corpus_set("reading_promotion_pages", (0.77, 0.86, 0.91, 12, 7)),
    corpus_set("retirement_age_pages", (0.70, 0.81, 0.84, 14, 7)),
    corpus_set("urban_renewal_pages", (0.74, 0.89, 0.82, 14, 4)),
    corpus_set("river_forest_chiefs_folder", (0.78, 0.86, 0.91, 18, 6)),
    # group 43, first contact with v32 (v31: 341 of 461 at rank 1; v32 342)
    corpus_set("double_reduction_pages", (0.75, 0.82, 0.85, 18, 7)),
    corpus_set("low_altitude_drones_pages", (0.64, 0.72, 0.76, 14, 15)),
    corpus_set("trade_in_subsidies_pages", (0.64, 0.79, 0.84, 12, 3)),
    corpus_set("grassroots_governance_folder", (0.82, 0.91, 0.91, 19, 6)),
    # group 44, first contact with v32 (v31: 320 of 464 at rank 1; v32 323)
    corpus_set("housing_fund_pages", (0.66, 0.77, 0.82, 12, 3)),  # v37: deadlines in 日 as figures
    corpus_set("livestream_selling_folder", (0.67, 0.78, 0.79, 15, 9)),
    corpus_set("railway_safety_folder", (0.72, 0.78, 0.77, 19, 16)),
    corpus_set("migrant_wages_folder", (0.63, 0.74, 0.79, 19, 13)),
    # group 45, first contact with v33 (v32: 330 of 449 at rank 1; v33 332)
    corpus_set("childcare_services_pages", (0.72, 0.82, 0.86, 14, 7)),
    corpus_set("ride_hailing_pages", (0.62, 0.75, 0.82, 14, 15)),
    corpus_set("farmland_protection_folder", (0.77, 0.84, 0.90, 13, 5)),
    corpus_set("ancient_trees_folder", (0.75, 0.85, 0.87, 18, 8)),
    # group 46, first contact with v33 (v32: 312 of 463 at rank 1; v33 313)
    corpus_set("dog_ownership_folder", (0.59, 0.68, 0.69, 15, 19)),
    corpus_set("civilized_conduct_folder", (0.62, 0.71, 0.73, 14, 8)),
    corpus_set("fireworks_safety_folder", (0.62, 0.71, 0.75, 15, 17)),
    corpus_set("parking_rules_pages", (0.78, 0.84, 0.86, 14, 4)),
    # group 47, first contact with v34 (v33: 338 of 456 at rank 1; v34 340)
    corpus_set("prepaid_cards_folder", (0.72, 0.78, 0.82, 16, 11)),
    corpus_set("tax_deductions_pages", (0.58, 0.66, 0.73, 14, 12)),
    corpus_set("heroic_deeds_folder", (0.76, 0.84, 0.88, 18, 6)),
    corpus_set("urban_drainage_folder", (0.82, 0.88, 0.89, 14, 4)),
    # group 48, first contact with v34 (v33: 316 of 456 at rank 1; v34 317)
    corpus_set("school_meals_pages", (0.74, 0.82, 0.87, 17, 6)),
    corpus_set("noise_control_folder", (0.60, 0.70, 0.66, 13, 16)),
    corpus_set("domestic_violence_folder", (0.74, 0.80, 0.85, 15, 7)),
    corpus_set("minors_online_folder", (0.60, 0.67, 0.77, 19, 19)),
    # group 49, first contact with v35 (v34: 332 of 470 at rank 1; v35 335)
    corpus_set("smoking_control_folder", (0.67, 0.75, 0.81, 16, 12)),
    corpus_set("lift_retrofit_pages", (0.69, 0.84, 0.77, 12, 7)),
    corpus_set("housing_rental_folder", (0.68, 0.77, 0.77, 14, 5)),
    corpus_set("plastic_pollution_pages", (0.71, 0.76, 0.80, 13, 9)),
    # group 50, first contact with v35 (v34: 329 of 460 at rank 1; v35 332)
    corpus_set("shared_bikes_pages", (0.70, 0.75, 0.79, 13, 4)),
    corpus_set("long_term_care_pages", (0.66, 0.80, 0.86, 10, 6)),
    corpus_set("house_safety_folder", (0.76, 0.86, 0.90, 15, 6)),
    corpus_set("childcare_subsidies_pages", (0.66, 0.82, 0.82, 14, 8)),
    # group 51, first contact with v36 (v35: 354 of 453 at rank 1; v36 355)
    corpus_set("legal_aid_folder", (0.75, 0.85, 0.84, 19, 6)),
    corpus_set("domestic_services_folder", (0.78, 0.83, 0.89, 15, 3)),
    corpus_set("city_parks_folder", (0.70, 0.80, 0.84, 20, 6)),
    corpus_set("earthquake_preparedness_folder", (0.80, 0.85, 0.89, 19, 5)),
    # group 52, first contact with v36 (v35: 335 of 458 at rank 1; v36 337)
    corpus_set("outdoor_signs_folder", (0.68, 0.80, 0.90, 17, 8)),
    corpus_set("animal_epidemics_folder", (0.67, 0.78, 0.80, 20, 11)),
    corpus_set("agri_product_quality_folder", (0.72, 0.82, 0.80, 19, 13)),
    corpus_set("historic_cities_folder", (0.77, 0.83, 0.90, 18, 6)),
    # group 53, first contact with v37 (v36: 339 of 467 at rank 1; v37 339)
    corpus_set("flood_drought_folder", (0.85, 0.89, 0.91, 17, 6)),
    corpus_set("student_aid_folder", (0.59, 0.70, 0.76, 12, 7)),
    corpus_set("hotel_security_folder", (0.66, 0.80, 0.74, 18, 6)),
    corpus_set("soil_water_conservation_folder", (0.70, 0.77, 0.81, 17, 7)),
    # group 54, first contact with v37 (v36: 329 of 461 at rank 1; v37 329)
    corpus_set("place_names_folder", (0.74, 0.82, 0.84, 17, 9)),
    corpus_set("power_facilities_folder", (0.73, 0.77, 0.83, 19, 9)),
    corpus_set("performances_venues_folder", (0.54, 0.64, 0.74, 14, 20)),
    corpus_set("investment_promotion_pages", (0.74, 0.84, 0.90, 16, 5)),
    # group 55, first contact with v38 (v37: 369 of 467 at rank 1; v38 370)
    corpus_set("red_resources_folder", (0.82, 0.90, 0.94, 19, 4)),
    corpus_set("heating_supply_folder", (0.69, 0.73, 0.84, 20, 12)),
    corpus_set("private_schools_folder", (0.73, 0.80, 0.80, 15, 6)),
    corpus_set("carbon_peaking_pages", (0.83, 0.91, 0.87, 16, 7)),
    # group 56, first contact with v38 (v37: 374 of 473 at rank 1; v38 377)
    corpus_set("mental_health_folder", (0.83, 0.86, 0.90, 17, 4)),
    corpus_set("cosmetics_folder", (0.74, 0.90, 0.80, 14, 8)),
    corpus_set("pesticides_folder", (0.72, 0.79, 0.81, 16, 10)),
    corpus_set("pig_slaughter_folder", (0.80, 0.87, 0.89, 16, 3)),
    # group 57, first contact with v39 (v38: 357 of 469 at rank 1; v39 362)
    corpus_set("pyramid_selling_folder", (0.67, 0.77, 0.87, 14, 8)),
    corpus_set("construction_quality_folder", (0.80, 0.85, 0.85, 16, 8)),
    corpus_set("scenic_areas_folder", (0.82, 0.87, 0.87, 19, 6)),
    corpus_set("individual_businesses_folder", (0.70, 0.76, 0.78, 17, 18)),
    # group 58, first contact with v39 (v38: 370 of 467 at rank 1; v39 372)
    corpus_set("hazardous_chemicals_folder", (0.75, 0.84, 0.87, 15, 11)),
    corpus_set("forest_fire_folder", (0.73, 0.81, 0.86, 15, 7)),
    corpus_set("water_supply_folder", (0.83, 0.90, 0.94, 17, 2)),
    corpus_set("aids_prevention_folder", (0.76, 0.84, 0.88, 15, 7)),
    # group 59, first contact with v40 (v39: 341 of 460 at rank 1; v40 341)
    corpus_set("feed_vet_drugs_folder", (0.68, 0.75, 0.76, 19, 14)),
    corpus_set("film_industry_folder", (0.64, 0.76, 0.77, 14, 13)),
    corpus_set("franchise_pawn_folder", (0.75, 0.82, 0.88, 17, 8)),
    corpus_set("certification_testing_folder", (0.79, 0.86, 0.90, 19, 6)),
    # group 60, first contact with v40 (v39: 358 of 463 at rank 1; v40 357)
    corpus_set("construction_waste_folder", (0.81, 0.86, 0.92, 18, 4)),
    corpus_set("teachers_law_folder", (0.73, 0.80, 0.89, 17, 8)),
    corpus_set("nurses_folder", (0.77, 0.86, 0.90, 13, 3)),
    corpus_set("national_fitness_folder", (0.67, 0.73, 0.78, 16, 13)),  # two ask of plans held
    # group 61, first contact with v41 (v40: 348 of 465 at rank 1; v41 350)
    corpus_set("overseas_chinese_folder", (0.82, 0.91, 0.85, 16, 4)),
    corpus_set("public_institution_staff_folder", (0.66, 0.77, 0.86, 14, 5)),
    corpus_set("scrap_vehicles_folder", (0.66, 0.72, 0.74, 18, 17)),
    corpus_set("nuclear_radiation_folder", (0.77, 0.91, 0.86, 18, 6)),
    # group 62, first contact with v41 (v40: 363 of 463 at rank 1; v41 363)
    corpus_set("cryptography_folder", (0.71, 0.81, 0.87, 18, 8)),
    corpus_set("firearms_explosives_folder", (0.73, 0.81, 0.85, 12, 9)),
    corpus_set("oil_gas_pipelines_folder", (0.82, 0.88, 0.94, 16, 2)),
    corpus_set("official_expenses_folder", (0.77, 0.84, 0.91, 12, 6)),
    # group 63, first contact with v42 (v41: 349 of 473 at rank 1; v42 350)
    corpus_set("agricultural_machinery_folder", (0.76, 0.80, 0.86, 16, 9)),
    corpus_set("medical_devices_folder", (0.69, 0.81, 0.80, 14, 5)),
    corpus_set("real_estate_registration_folder", (0.63, 0.76, 0.73, 16, 8)),
    corpus_set("renewable_energy_folder", (0.78, 0.86, 0.84, 15, 5)),
    # group 64, first contact with v42 (v41: 341 of 462 at rank 1; v42 344)
    corpus_set("security_services_folder", (0.68, 0.75, 0.81, 16, 13)),
    corpus_set("desertification_folder", (0.73, 0.83, 0.86, 15, 5)),
    corpus_set("heroes_martyrs_folder", (0.70, 0.78, 0.78, 18, 4)),
    corpus_set("online_catering_folder", (0.77, 0.83, 0.86, 16, 5)),
    # group 65, first contact with v43 (v42: 326 of 461 at rank 1; v43 326)
    corpus_set("adoption_folder", (0.56, 0.69, 0.74, 17, 12)),
    corpus_set("trusts_folder", (0.75, 0.83, 0.89, 15, 2)),
    corpus_set("qinghai_tibet_plateau_folder", (0.66, 0.72, 0.72, 13, 7)),
    corpus_set("servicemen_rights_folder", (0.76, 0.82, 0.81, 17, 10)),
    # group 66, first contact with v43 (v42: 370 of 468 at rank 1; v43 372)
    corpus_set("maritime_traffic_folder", (0.78, 0.85, 0.85, 22, 8)),
    corpus_set("urban_rail_folder", (0.76, 0.85, 0.87, 14, 12)),
    corpus_set("juvenile_delinquency_folder", (0.80, 0.89, 0.85, 18, 7)),
    corpus_set("disaster_relief_folder", (0.74, 0.85, 0.88, 17, 6)),
    # group 67, first contact with v44 (v43: 340 of 461 at rank 1; v44 341)
    corpus_set("overseas_ngo_folder", (0.71, 0.76, 0.83, 17, 7)),
    corpus_set("armed_police_folder", (0.58, 0.68, 0.71, 19, 15)),
    corpus_set("telecom_folder", (0.70, 0.78, 0.85, 17, 9)),
    corpus_set("urban_roads_folder", (0.86, 0.90, 0.92, 17, 3)),
    # group 68, first contact with v44 (v43: 351 of 462 at rank 1; v44 352)
    corpus_set("illegal_fundraising_folder", (0.74, 0.83, 0.83, 14, 9)),
    corpus_set("foreign_exchange_folder", (0.73, 0.77, 0.81, 14, 15)),
    corpus_set("military_facilities_folder", (0.68, 0.74, 0.75, 14, 12)),
    corpus_set("travel_agencies_folder", (0.80, 0.90, 0.89, 14, 2)),
    # group 69, first contact with v45 (v44: 349 of 473 at rank 1; v45 350)
    corpus_set("survey_design_folder", (0.76, 0.83, 0.85, 14, 12)),
    corpus_set("enterprise_disclosure_folder", (0.63, 0.74, 0.73, 13, 4)),
    corpus_set("weather_modification_folder", (0.78, 0.84, 0.84, 17, 8)),
    corpus_set("farmland_tax_folder", (0.69, 0.83, 0.76, 11, 6)),
    # group 70, first contact with v45 (v44: 374 of 472 at rank 1; v45 374)
    corpus_set("defense_transport_folder", (0.78, 0.82, 0.84, 16, 5)),
    corpus_set("waterway_transport_folder", (0.71, 0.76, 0.82, 17, 8)),
    corpus_set("agri_extension_folder", (0.80, 0.85, 0.87, 18, 6)),
    corpus_set("construction_market_folder", (0.78, 0.85, 0.93, 19, 6)),
    # group 71, first contact with v46 (v45: 316 of 461 at rank 1; v46 319)
    corpus_set("township_enterprises_folder", (0.80, 0.86, 0.87, 18, 6)),
    corpus_set("dairy_quality_folder", (0.68, 0.73, 0.81, 12, 6)),
    corpus_set("land_use_tax_folder", (0.50, 0.69, 0.66, 12, 6)),
    corpus_set("vehicle_repair_folder", (0.69, 0.80, 0.79, 14, 10)),
    # group 72, first contact with v46 (v45: 334 of 470 at rank 1; v46 336)
    corpus_set("reservoir_dams_folder", (0.81, 0.91, 0.88, 13, 4)),
    corpus_set("ancient_books_folder", (0.65, 0.78, 0.83, 10, 7)),
    corpus_set("unlicensed_business_folder", (0.60, 0.72, 0.70, 17, 7)),
    corpus_set("farmland_irrigation_folder", (0.70, 0.78, 0.83, 19, 12)),
    # group 73, first contact with v47 (v46: 335 of 461 at rank 1; v47 335)
    corpus_set("refined_oil_folder", (0.67, 0.76, 0.89, 16, 5)),
    corpus_set("beekeeping_folder", (0.72, 0.84, 0.83, 18, 8)),
    corpus_set("tobacco_leaf_tax_folder", (0.63, 0.79, 0.78, 8, 5)),
    corpus_set("fishing_ports_folder", (0.79, 0.86, 0.90, 17, 4)),
    # group 74, first contact with v47 (v46: 354 of 465 at rank 1; v47 354)
    corpus_set("cotton_quality_folder", (0.63, 0.81, 0.77, 17, 6)),
    corpus_set("tea_industry_folder", (0.79, 0.84, 0.89, 14, 5)),
    corpus_set("building_energy_folder", (0.83, 0.88, 0.90, 19, 6)),
    corpus_set("hot_springs_folder", (0.70, 0.74, 0.80, 13, 9)),
    # group 75, first contact with v48 (v47: 381 of 475 at rank 1; v48 381)
    corpus_set("rural_roads_folder", (0.78, 0.88, 0.87, 15, 9)),
    corpus_set("medicinal_materials_folder", (0.85, 0.92, 0.90, 17, 4)),
    corpus_set("geographical_indications_folder", (0.77, 0.88, 0.89, 15, 3)),
    corpus_set("driver_training_folder", (0.70, 0.77, 0.81, 13, 8)),
    # group 76, first contact with v48 (v47: 350 of 462 at rank 1; v48 353)
    corpus_set("land_expropriation_folder", (0.82, 0.90, 0.90, 14, 4)),
    corpus_set("wild_plants_folder", (0.74, 0.89, 0.85, 14, 3)),
    corpus_set("flood_detention_folder", (0.70, 0.83, 0.80, 14, 8)),
    corpus_set("time_honoured_brands_folder", (0.70, 0.78, 0.83, 11, 7)),
    # group 77, first contact with v49 (v48: 376 of 467 at rank 1; v49 376)
    corpus_set("boilers_folder", (0.81, 0.89, 0.91, 16, 4)),
    corpus_set("flowers_folder", (0.76, 0.84, 0.86, 11, 6)),
    corpus_set("sericulture_folder", (0.80, 0.86, 0.90, 14, 4)),
    corpus_set("natural_rubber_folder", (0.76, 0.85, 0.87, 13, 9)),
]
# Sets where the product does not beat plain BM25's ranking (issue 10 is open), as first
# measured: short case studies and column issues (Hit@1 0.79 against 0.80, MRR@5 0.82 against
# 0.85) and speeches of one week sharing their wording (Hit@1 0.82 against 0.81, MRR@5 0.85
# against 0.86; its refusals count as misses), and one province's report and meeting pages cut
# to their openings (Hit@1 0.64 against 0.63, MRR@5 0.70 against 0.71: leads repeat the
# words a question names the meeting by). Their refusals of off-topic questions and their
# floors still hold them. (The school pages of meeting and 述职 reports trailed too until v18
# filed each person's report under its own headline: 0.86 against 0.81.) News of the two
# sessions' delegation meetings over several years, each a page opening in one frame, trails
# too (Hit@1 0.71 against 0.72, MRR@5 0.74 against 0.76 on first contact at v21). So does
# foreign investment law beside the three old joint-venture regulations, parallel chapter by
# chapter, on MRR@5 only (Hit@1 0.73 against 0.68, MRR@5 0.76 against 0.76 at v22); and page
# openings of the rules on cadres, whose titles are a news page's (新修订…条例全文, 中共中央
# 印发《…条例》) and whose editions share their articles (Hit@1 0.59 against 0.63 on first
# contact at v22).
TRAILS_BM25 = frozenset(
    {
        "discipline_cases_folder",
        "anniversary_speeches_folder",
        "sichuan_pages",
        "two_sessions_deliberations_pages",
        "foreign_investment_folder",
        "cadre_rules_pages",
    }
)


@pytest.mark.parametrize(("folder", "floors"), MANY)
def test_many_documents_beat_plain_bm25_and_hold_their_floors(
    folder: Path, floors: tuple[float, float, float, int, int]
) -> None:
    from retrieval.corpus import read_document
    from retrieval.evaluate import gold_judge

    docs = folder / "docs"
    documents = [
        read_document(p.name, p.read_bytes()) for p in sorted(docs.iterdir()) if p.is_file()
    ]
    index = index_of(documents, SEGMENTER)
    questions = load_questions(folder / "questions.jsonl")
    judge = gold_judge(docs)
    ours = evaluate(
        questions, lambda q: [h.passage for h in answer(index, q, SEGMENTER).hits], judge
    )
    base = evaluate(questions, baseline(index.passages), judge)
    if folder.name not in TRAILS_BM25:
        assert ours.hit1 > base.hit1 and ours.mrr5 > base.mrr5
    assert ours.abstained > base.abstained
    hit1, hit3, right_document, abstained, refused = floors
    assert ours.hit1 >= hit1, ours.misses
    assert ours.hit3 >= hit3
    assert ours.right_document >= right_document
    assert ours.abstained >= abstained, ours.answered_out_of_scope
    assert ours.wrongly_refused <= refused, ours.refusals


def test_right_section_reads_the_hint_as_the_heading_above() -> None:
    from retrieval.evaluate import section_matches

    report = Passage("r.txt", "政府工作报告（2013年）", (), 1, 1, "今年的主要预期目标是…")
    # the hint for text under no heading is the title line, shown with its year added
    assert section_matches(report, "政府工作报告——2013年3月5日在第十二届全国人民代表大会上")
    item = Passage(
        "c.txt",
        "警示教育",
        ("一、张某某性骚扰学生问题",),
        2,
        1,
        "一、张某某性骚扰学生问题。自2019年",
    )
    # a heading that is the passage's own opening is not above it
    assert section_matches(item, "警示教育")
    assert not section_matches(item, "二、李某体罚学生问题")
    # a label that is the lead of the heading line (cut at its comma), dash or not
    point = Passage("s.txt", "讲话", ("弘扬伟大长征精神",), 3, 1, "理想信念的坚定…")
    assert section_matches(point, "——弘扬伟大长征精神，走好今天的长征路，必须坚定理想。")
    assert not section_matches(point, "——弘扬")
    # a heading line that the text's clean-up left without its dateline
    communique = "中国共产党第十九届中央委员会第四次全体会议公报"
    bundle = Passage("b.txt", "学习材料", (communique,), 9, 1, "全会…")
    assert section_matches(bundle, f"新华社北京10月31日电  {communique}")
    short = Passage("b.txt", "学习材料", ("公报",), 9, 1, "全会…")
    assert not section_matches(short, communique)
    # a hint cut short (the first 40 characters of a long heading) is that heading
    heading = "(十)大力发展各项社会事业，努力改善人民生活品质，不断增强人民群众获得感幸福感安全感"
    cut = Passage("g.txt", "政府工作报告", ("三、2021年工作安排", heading), 5, 1, "今年…")
    assert section_matches(cut, heading[:40])
    assert not section_matches(cut, "(十)大力发展")
    # a Traditional text's article, labelled in Simplified, is the hint's in either script
    article = Passage("f.txt", "商標註冊管理辦法", ("第五条",), 6, 1, "第五條 申請…")
    assert section_matches(article, "第五條")
    assert not section_matches(article, "第六條")


def test_the_judge_reads_a_gold_line_as_the_index_holds_it(tmp_path: Path) -> None:
    from retrieval.evaluate import gold_judge

    line = '&emsp;&emsp;**<span id="六十九">第六十九条</span>**  本办法自2026年2月1日起施行。'
    (tmp_path / "b.md").write_text(f"# 某办法\n{line}\n", encoding="utf-8")
    question = Question("哪天开始施行？", (line[:30],), doc="b.md")
    judge = gold_judge(tmp_path)
    held = Passage(
        "b.md", "某办法", ("第六十九条",), 2, 1, "第六十九条 本办法自2026年2月1日起施行。"
    )
    assert judge(held, question)
    other = Passage("b.md", "某办法", ("第一条",), 1, 1, "第一条 为了规范管理，制定本办法。")
    assert not judge(other, question)
