//! Building the index: terms and postings from the records' text, and the compact per-record
//! values the filters and facets read.

use super::dict::Dict;
use super::facets::FacetIndex;
use super::synonyms::Synonyms;
use super::{Field, SearchIndex};
use crate::data::{Approach, CancerType, Stage, Study};
use std::collections::HashMap;
use textindex::build::{Builder, Built, push_code};

// The facet masks hold one bit per vocabulary value, indexed by declaration order, which the
// `vocabulary!` macro makes the same as `ALL` order.
const _: () = assert!(Approach::ALL.len() <= 32 && CancerType::ALL.len() <= 32);
const _: () = assert!(Stage::ALL.len() <= 32);

/// What the filters and the ranking need to know about one record, in 16 bytes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Record {
    /// Bit `a as u32` is set for each approach `a`.
    pub approaches: u32,
    pub cancer_types: u32,
    /// Position in the date order (oldest first, undated last): the tie-breaker.
    pub date_rank: u32,
    /// The date's year, or [`NO_YEAR`].
    pub year: i16,
    pub stage: u8,
}

/// `Record::year` of an undated record.
pub(crate) const NO_YEAR: i16 = i16::MIN;

/// How much one occurrence in a field counts, in half units: what a record is *about* (title,
/// targets, drugs) counts three times the summary; names of institutions, people and journals
/// half of it, because they say who did the work rather than what it is.
fn weight(field: Option<Field>) -> u8 {
    match field {
        Some(Field::Title | Field::Target(_) | Field::Drug(_)) => 6,
        Some(Field::Summary | Field::PublicationTitle) => 2,
        // Approach and cancer-type labels, so "melanoma" finds records filed under it.
        None => 1,
        Some(Field::Institution(_) | Field::Person(_) | Field::Journal | Field::Author(_)) => 1,
    }
}

/// Calls `visit` with every searchable field of `study` that has text.
pub(crate) fn fields(study: &Study, mut visit: impl FnMut(Field, &str)) {
    visit(Field::Title, &study.title);
    visit(Field::Summary, &study.summary);
    let lists = [
        (&study.targets, Field::Target as fn(usize) -> Field),
        (&study.drugs, Field::Drug),
        (&study.institutions, Field::Institution),
        (&study.people, Field::Person),
    ];
    for (values, field) in lists {
        for (i, value) in values.iter().enumerate() {
            visit(field(i), value);
        }
    }
    if let Some(publication) = &study.publication {
        if let Some(journal) = &publication.journal {
            visit(Field::Journal, journal);
        }
        if let Some(title) = &publication.title {
            visit(Field::PublicationTitle, title);
        }
        for (i, author) in publication.authors.iter().enumerate() {
            visit(Field::Author(i), author);
        }
    }
}

/// Builds the index over `studies`.
pub(crate) fn build(studies: &[Study]) -> SearchIndex {
    let mut builder = Builder::new(studies.len());
    let mut records = Vec::with_capacity(studies.len());
    let mut inst_by_name: HashMap<String, u32> = HashMap::new();
    let mut inst_names: Vec<String> = Vec::new();
    let mut inst_starts = Vec::with_capacity(studies.len() + 1);
    let mut inst_ids = Vec::new();

    inst_starts.push(0);
    for study in studies {
        let mut add_text = |field: Option<Field>, text: &str| {
            let repeats = !matches!(
                field,
                Some(Field::Title | Field::Summary | Field::PublicationTitle)
            );
            builder.add_text(text, weight(field), repeats);
        };
        fields(study, |field, text| add_text(Some(field), text));
        for approach in &study.approaches {
            add_text(None, approach.label());
        }
        for cancer_type in &study.cancer_types {
            add_text(None, cancer_type.label());
        }
        builder.end_record();

        let mut institutions: Vec<u32> = study
            .institutions
            .iter()
            .map(|name| {
                *inst_by_name.entry(name.clone()).or_insert_with(|| {
                    inst_names.push(name.clone());
                    inst_names.len() as u32 - 1
                })
            })
            .collect();
        institutions.sort_unstable();
        institutions.dedup();
        inst_ids.extend(institutions);
        inst_starts.push(inst_ids.len() as u32);

        records.push(Record {
            approaches: study.approaches.iter().fold(0, |m, &a| m | 1 << a as u32),
            cancer_types: study.cancer_types.iter().fold(0, |m, &c| m | 1 << c as u32),
            date_rank: 0,
            year: study
                .date
                .map_or(NO_YEAR, |d| d.year.clamp(-32_000, 32_000) as i16),
            stage: study.stage as u8,
        });
    }
    let Built {
        terms,
        post_starts,
        post_docs,
        post_impacts,
        seq,
        seq_starts,
        seq_codes,
    } = builder.finish();
    let dict = Dict::from_sorted(terms.iter().map(|term| &**term));

    let mut by_date: Vec<u32> = (0..studies.len() as u32).collect();
    let date_key = |doc: u32| {
        let date = studies[doc as usize].date;
        (date.is_none(), date, doc)
    };
    // `Dataset` hands records over in date order already; checking is cheaper than sorting.
    if !by_date
        .windows(2)
        .all(|pair| date_key(pair[0]) <= date_key(pair[1]))
    {
        by_date.sort_by_key(|&doc| date_key(doc));
    }
    for (rank, &doc) in by_date.iter().enumerate() {
        records[doc as usize].date_rank = rank as u32;
    }
    let dated = studies.iter().filter(|s| s.date.is_some()).count() as u32;
    let date_sorted = by_date
        .iter()
        .enumerate()
        .all(|(rank, &doc)| rank == doc as usize);

    let mut index = SearchIndex {
        dict,
        post_starts,
        post_docs,
        post_impacts,
        seq_starts,
        seq,
        seq_codes,
        inst_starts,
        inst_ids,
        inst_names,
        inst_by_name,
        by_date,
        dated,
        date_sorted,
        records,
        facets: FacetIndex::default(),
        synonyms: Synonyms::builtin(),
    };
    index.facets = FacetIndex::build(&index);
    index
}

impl SearchIndex {
    /// The records containing term `id`, ascending, with the term's BM25 share in each (in
    /// units of [`textindex::build::IMPACT_STEP`]).
    pub(crate) fn postings(&self, id: u32) -> (&[u32], &[u8]) {
        let range =
            self.post_starts[id as usize] as usize..self.post_starts[id as usize + 1] as usize;
        (&self.post_docs[range.clone()], &self.post_impacts[range])
    }

    /// How many records contain term `id`.
    pub(crate) fn doc_freq(&self, id: u32) -> u32 {
        self.post_starts[id as usize + 1] - self.post_starts[id as usize]
    }

    /// Record `doc`'s parts in text order, coded (see [`SearchIndex::phrase_code`]).
    pub(crate) fn sequence(&self, doc: u32) -> &[u8] {
        &self.seq
            [self.seq_starts[doc as usize] as usize..self.seq_starts[doc as usize + 1] as usize]
    }

    /// The parts with term ids `phrase`, coded as the part sequences code them.
    pub(crate) fn phrase_code(&self, phrase: &[u32]) -> Vec<u8> {
        let mut code = Vec::with_capacity(phrase.len() * 3);
        for &term in phrase {
            push_code(&mut code, self.seq_codes[term as usize]);
        }
        code
    }

    /// Record `doc`'s institution ids.
    #[inline]
    pub(crate) fn institutions_of(&self, doc: u32) -> &[u32] {
        &self.inst_ids
            [self.inst_starts[doc as usize] as usize..self.inst_starts[doc as usize + 1] as usize]
    }
}
