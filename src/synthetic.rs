//! Synthetic records with the dataset's shape, for benchmarks and tests at 1k–100k records.
//!
//! Deterministic for a seed. Words are drawn with a Zipf-like law from a domain vocabulary plus
//! an open-ended tail of made-up gene and compound names, so the term dictionary keeps growing
//! with the record count as real text does; facet values, names and dates are skewed the way the
//! real dataset is (many checkpoint-inhibitor and melanoma records, most of them recent).

use crate::data::{Approach, CancerType, PartialDate, Publication, Scope, Stage, Status, Study};

/// `count` records with unique ids, from `seed`.
pub fn generate(count: usize, seed: u64) -> Vec<Study> {
    let mut rng = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
    (0..count).map(|i| study(&mut rng, i)).collect()
}

const FUNCTION_WORDS: &str = "the of and in to a with that was were for by from as on an after \
    which their or its than into but not both only also while when these this";

const DOMAIN_WORDS: &str = "tumor cells immune T response patients mice therapy antibody \
    checkpoint blockade survival cancer treatment expression tumors cell activity trial lymphocytes \
    antigen receptor clinical growth killing signalling responses disease melanoma engineered \
    infiltrating cytotoxic dendritic macrophages regulatory memory effector exhaustion inhibitor \
    inhibitors remission relapse metastasis metastatic progression durable complete partial \
    objective rate median overall progression-free toxicity cytokine release syndrome \
    neurotoxicity dose escalation phase randomized versus placebo chemotherapy radiotherapy \
    combination monotherapy first-line refractory advanced solid haematological vaccine \
    neoantigen peptide adjuvant oncolytic virus bispecific engager bacterial innate adaptive \
    microenvironment stroma vasculature hypoxia suppression suppressive myeloid-derived \
    natural killer NK B-cell CD8+ CD4+ Treg interferon interleukin tumour-infiltrating \
    transfer adoptive autologous allogeneic manufacturing persistence expansion costimulatory \
    domain signalling-domain scFv transduced lentiviral retroviral CRISPR knockout biomarker \
    mutational burden mismatch repair deficiency microsatellite instability PD-L1-positive \
    tissue biopsy sequencing single-cell transcriptomic profiling repertoire clonotype \
    cross-presentation priming homing trafficking chemokine gradient endothelial necrosis \
    apoptosis pyroptosis ferroptosis immunogenic danger signals calreticulin ATP HMGB1 \
    self-seeding circulating residual minimal recurrence dormancy escape editing elimination \
    equilibrium surveillance approval accelerated regulatory FDA EMA prize Nobel discovery \
    mouse model xenograft syngeneic humanized in-vitro preclinical observed showed reduced \
    increased improved prolonged delayed prevented enhanced restored induced blocked targeted";

/// Syllables for the open-ended tail of rare words (made-up gene, compound and place names).
const SYLLABLES: &str = "ab ac ad al am an ar as at ba be bi bo ca ce ci co da de di do el em \
    en er es et fa fe fi ga ge gi ka ke ki la le li lo ma me mi mo na ne ni no ra re ri ro sa se \
    si so ta te ti to va ve vi xa xe za ze zo";

const TARGETS: &str = "PD-1 PD-L1 CTLA-4 CD19 BCMA CD20 HER2 CD3 LAG-3 TIM-3 TIGIT GD2 \
    NY-ESO-1 MAGE-A4 gp100 TNF-α IFN-γ IL-2 IL-15 IL-6 CD47 CD40 OX40 4-1BB STING TLR9 KRAS \
    EGFR MUC1 WT1 HPV-E6 HPV-E7 CD22 GPRC5B DLL3 CLDN18.2 MLKL IDO1 VEGF";

const DRUGS: &str = "pembrolizumab nivolumab ipilimumab atezolizumab durvalumab avelumab \
    cemiplimab dostarlimab relatlimab tisagenlecleucel axicabtagene-ciloleucel \
    idecabtagene-vicleucel lisocabtagene-maraleucel ciltacabtagene-autoleucel blinatumomab \
    teclistamab tarlatamab tebentafusp lifileucel aldesleukin sipuleucel-T \
    talimogene-laherparepvec rituximab trastuzumab Keytruda Opdivo Yervoy Tecentriq Kymriah \
    Yescarta Abecma Blincyto Provenge Imlygic Herceptin Rituxan BCG";

const INSTITUTIONS: &[&str] = &[
    "Memorial Sloan Kettering Cancer Center",
    "MD Anderson Cancer Center",
    "University of Pennsylvania",
    "National Cancer Institute",
    "Dana-Farber Cancer Institute",
    "Stanford University",
    "Johns Hopkins University",
    "Institut Gustave Roussy",
    "German Cancer Research Center (DKFZ)",
    "Karolinska Institutet",
    "Institute of Cancer Research, London",
    "University of Oxford",
    "Netherlands Cancer Institute",
    "Fred Hutchinson Cancer Center",
    "Mayo Clinic",
    "University of California, San Francisco",
    "Kyoto University",
    "Peking University",
    "Sun Yat-sen University",
    "Université Paris Cité",
    "Charité – Universitätsmedizin Berlin",
    "Universitätsklinikum Tübingen",
    "University of New Mexico",
    "University of Surrey",
    "Peter MacCallum Cancer Centre",
    "Princess Margaret Cancer Centre",
    "Institut Curie",
    "Ludwig Institute for Cancer Research",
    "Parker Institute for Cancer Immunotherapy",
    "Merck & Co.",
    "Bristol Myers Squibb",
    "Novartis",
    "Kite Pharma",
    "Roche / Genentech",
    "Amgen",
    "Immunocore",
    "Iovance Biotherapeutics",
    "Moderna",
    "BioNTech",
    "Cold Spring Harbor Laboratory",
];

const CITIES: &str = "Aarhus Basel Bergen Bologna Bordeaux Brno Cardiff Coimbra Dundee Gdańsk \
    Genève Graz Groningen Kraków Leuven Lund Lyon Malmö Milano München Nantes Napoli Oslo Porto \
    Sevilla Tampere Torino Uppsala València Zürich Osaka Sendai Seoul Taipei Chennai Melbourne \
    Auckland Toronto Montréal Boston Houston Seattle Denver Atlanta Nashville Pittsburgh";

const FIRST_NAMES: &str = "Anna Ben Carl Chen Dana Eleonora Emil Fatima Hiro James Joan Jun Kevin \
    Laura Li Maria Mei Nadia Omar Priya Renata Richard Sara Shawna Steven Tim Wadih Yuki Zoë Ågot";

const SURNAMES: &str = "Allison Honjo Rosenberg June Sadelain Schreiber Coley Massagué Kottke \
    Dondossola Arap Pasqualini Harrington Vile Kim Lee Wang Zhang Müller Sørensen García López \
    Nguyen Smith Johnson Brown Rossi Dubois Novák Kowalski Yamamoto Tanaka Singh Patel Okafor \
    Andersson Ødegaard Łukasiewicz Çelik Şahin Schumacher Wolchok Sharma Ribas Hodi Topalian";

const JOURNALS: &str = "Nature|Science|Cell|The New England Journal of Medicine|The Lancet|\
    Nature Medicine|Cancer Cell|Cancer Discovery|Journal of Clinical Oncology|Cancer Immunology \
    Research|PNAS|Blood|Journal of Experimental Medicine|Immunity|Nature Immunology|Science \
    Translational Medicine|Clinical Cancer Research|Lancet Oncology|JAMA Oncology|Nature \
    Biotechnology|Journal for ImmunoTherapy of Cancer|Cancer Research|Annals of Oncology";

/// Weighted picks for the primary approach, in `Approach::ALL` order.
const APPROACH_WEIGHTS: [u32; 17] = [30, 14, 3, 3, 3, 9, 7, 3, 5, 6, 3, 3, 2, 10, 3, 2, 2];
const CANCER_WEIGHTS: [u32; 19] = [20, 8, 14, 6, 4, 4, 3, 3, 3, 2, 3, 2, 2, 1, 9, 9, 5, 8, 6];
const STAGE_WEIGHTS: [u32; 10] = [8, 6, 22, 10, 12, 12, 10, 8, 3, 2];

fn study(rng: &mut Rng, index: usize) -> Study {
    let words = Words::get();
    let primary = Approach::ALL[rng.weighted(&APPROACH_WEIGHTS)];
    let mut approaches = vec![primary];
    if rng.chance(0.3) {
        let second = Approach::ALL[rng.weighted(&APPROACH_WEIGHTS)];
        if second != primary {
            approaches.push(second);
        }
    }
    let mut cancer_types: Vec<CancerType> = (0..rng.below(4))
        .map(|_| CancerType::ALL[rng.weighted(&CANCER_WEIGHTS)])
        .collect();
    cancer_types.sort_unstable();
    cancer_types.dedup();
    let targets = rng.some(&words.targets, 3);
    let drugs = rng.some(&words.drugs, 2);
    let date = date(rng);
    let stage = if date.is_none() {
        Stage::NewsOnly
    } else {
        Stage::ALL[rng.weighted(&STAGE_WEIGHTS)]
    };
    let institutions: Vec<String> = (0..1 + rng.below(3))
        .map(|_| words.institution(rng))
        .collect();
    let people: Vec<String> = (0..1 + rng.below(4)).map(|_| words.person(rng)).collect();
    let title = words.sentence(rng, 6..15, &targets, &drugs);
    let summary = words.sentence(rng, 20..46, &targets, &drugs);
    let lead = people[0]
        .rsplit(' ')
        .next()
        .unwrap_or("anon")
        .to_lowercase();
    let year = date.map_or_else(|| "nd".to_string(), |d: PartialDate| d.year.to_string());
    let publication = rng.chance(0.8).then(|| Publication {
        journal: Some(words.journals[rng.zipf(words.journals.len())].to_string()),
        title: Some(words.sentence(rng, 8..15, &targets, &drugs)),
        authors: (0..1 + rng.below(6)).map(|_| words.author(rng)).collect(),
        ..Publication::default()
    });
    Study {
        id: format!("{lead}-{year}-{index:06}"),
        title,
        label: None,
        date,
        circa: rng.chance(0.02),
        end_date: None,
        approaches,
        targets,
        drugs,
        cancer_types,
        stage,
        outcome: None,
        regulator: None,
        trials: Vec::new(),
        scope: if rng.chance(0.9) {
            Scope::CancerImmunotherapy
        } else {
            Scope::Adjacent
        },
        milestone: rng.chance(0.02),
        institutions,
        people,
        publication,
        news: None,
        summary,
        note: None,
        builds_on: Vec::new(),
        status: if rng.chance(0.7) {
            Status::Verified
        } else {
            Status::FromSeed
        },
        field_status: Default::default(),
        sources: Vec::new(),
    }
}

/// Mostly recent (the field took off after 1990), with precision mixed as in the sources, and a
/// few undated news-only records.
fn date(rng: &mut Rng) -> Option<PartialDate> {
    if rng.chance(0.005) {
        return None;
    }
    let back = (134.0 * rng.unit().powi(3)) as i32;
    let year = 2025 - back;
    let (month, day) = match rng.below(20) {
        0..3 => (None, None),
        3..8 => (Some(1 + rng.below(12) as u8), None),
        _ => (Some(1 + rng.below(12) as u8), Some(1 + rng.below(28) as u8)),
    };
    Some(PartialDate { year, month, day })
}

/// The vocabularies, split once.
struct Words {
    function: Vec<&'static str>,
    domain: Vec<&'static str>,
    syllables: Vec<&'static str>,
    targets: Vec<&'static str>,
    drugs: Vec<String>,
    cities: Vec<&'static str>,
    first: Vec<&'static str>,
    surnames: Vec<&'static str>,
    journals: Vec<&'static str>,
}

impl Words {
    fn get() -> &'static Words {
        static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
        WORDS.get_or_init(|| Words {
            function: FUNCTION_WORDS.split_whitespace().collect(),
            domain: DOMAIN_WORDS.split_whitespace().collect(),
            syllables: SYLLABLES.split_whitespace().collect(),
            targets: TARGETS.split_whitespace().collect(),
            // Multi-word drug names are written with hyphens in the list above.
            drugs: DRUGS
                .split_whitespace()
                .map(|d| {
                    if d.ends_with("-T") {
                        d.to_string()
                    } else {
                        d.replace('-', " ")
                    }
                })
                .collect(),
            cities: CITIES.split_whitespace().collect(),
            first: FIRST_NAMES.split_whitespace().collect(),
            surnames: SURNAMES.split_whitespace().collect(),
            journals: JOURNALS.split('|').map(str::trim).collect(),
        })
    }

    /// A rare made-up word: gene-like ("KATEX4") or compound-like ("zolamitib").
    fn tail(&self, rng: &mut Rng) -> String {
        let mut k = rng.zipf(200_000);
        let mut word = String::new();
        for _ in 0..3 {
            word.push_str(self.syllables[k % self.syllables.len()]);
            k /= self.syllables.len();
        }
        match k % 3 {
            0 => format!("{}{}", word.to_uppercase(), k % 10),
            1 => format!("{word}mab"),
            _ => format!("{word}tinib"),
        }
    }

    /// A sentence with a length in `lengths`, mentioning the record's own targets and drugs.
    fn sentence(
        &self,
        rng: &mut Rng,
        lengths: std::ops::Range<usize>,
        targets: &[String],
        drugs: &[String],
    ) -> String {
        let len = lengths.start + rng.below(lengths.len());
        let mut out = String::new();
        for i in 0..len {
            let roll = rng.below(100);
            let word: String = match roll {
                0..30 => self.function[rng.zipf(self.function.len())].to_string(),
                30..86 => self.domain[rng.zipf(self.domain.len())].to_string(),
                86..92 => self.tail(rng),
                92..96 if !targets.is_empty() => targets[rng.below(targets.len())].clone(),
                96..100 if !drugs.is_empty() => drugs[rng.below(drugs.len())].clone(),
                _ => self.domain[rng.zipf(self.domain.len())].to_string(),
            };
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&word);
        }
        if let Some(first) = out.get(..1) {
            let capital = first.to_uppercase();
            out.replace_range(..1, &capital);
        }
        out
    }

    fn institution(&self, rng: &mut Rng) -> String {
        if rng.chance(0.7) {
            INSTITUTIONS[rng.zipf(INSTITUTIONS.len())].to_string()
        } else {
            let city = self.cities[rng.zipf(self.cities.len())];
            match rng.below(3) {
                0 => format!("University of {city}"),
                1 => format!("{city} University Hospital"),
                _ => format!("{city} Cancer Centre"),
            }
        }
    }

    fn surname(&self, rng: &mut Rng) -> String {
        if rng.chance(0.6) {
            self.surnames[rng.zipf(self.surnames.len())].to_string()
        } else {
            let mut name = self.tail(rng).to_lowercase();
            name.retain(|c| c.is_alphabetic());
            let mut chars = name.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        }
    }

    fn person(&self, rng: &mut Rng) -> String {
        format!(
            "{} {}",
            self.first[rng.zipf(self.first.len())],
            self.surname(rng)
        )
    }

    fn author(&self, rng: &mut Rng) -> String {
        let first = self.first[rng.below(self.first.len())];
        format!(
            "{} {}",
            self.surname(rng),
            first.chars().next().unwrap_or('X')
        )
    }
}

/// SplitMix64: tiny, fast and good enough for test data; no RNG crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Roughly Zipf-distributed in `0..n`: rank k is drawn with probability about 1/(k+1).
    fn zipf(&mut self, n: usize) -> usize {
        let k = ((n as f64 + 1.0).ln() * self.unit()).exp() as usize;
        k.saturating_sub(1).min(n - 1)
    }

    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut roll = self.below(total as usize) as u32;
        for (i, &weight) in weights.iter().enumerate() {
            if roll < weight {
                return i;
            }
            roll -= weight;
        }
        weights.len() - 1
    }

    /// Up to `max` distinct values from `list`, the frequent ones most often.
    fn some<S: AsRef<str>>(&mut self, list: &[S], max: usize) -> Vec<String> {
        let mut picked: Vec<String> = Vec::new();
        for _ in 0..self.below(max + 1) {
            let value = list[self.zipf(list.len())].as_ref();
            if !picked.iter().any(|p| p == value) {
                picked.push(value.to_string());
            }
        }
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_with_unique_ids_and_valid_dates() {
        let a = generate(500, 7);
        assert_eq!(a, generate(500, 7));
        assert_ne!(a, generate(500, 8));
        let mut ids: Vec<&str> = a.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 500);
        for study in &a {
            if let Some(date) = study.date {
                assert!((1891..=2025).contains(&date.year), "{}", study.id);
                assert!(PartialDate::parse(&date.iso()).is_ok(), "{}", study.id);
            }
        }
    }
}
