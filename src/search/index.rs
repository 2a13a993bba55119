//! Building the index: terms and postings from the records' text, and the compact per-record
//! values the filters and facets read.

use super::dict::Dict;
use super::facets::FacetIndex;
use super::ident;
use super::synonyms::Synonyms;
use super::tokenize::{TermKind, Tokens};
use super::{Field, SearchIndex};
use crate::data::{Approach, CancerType, Outcome, Regulator, Stage, Study};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// Marks a field boundary in a record's part sequence, so a phrase never spans two fields.
const GAP: u32 = 0;

/// Appends `value` to a part sequence in LEB128: seven bits a byte, low bits first, the top bit
/// set on every byte but the last. The code is self-delimiting, so a run of whole entries is
/// found by a byte search that starts where an entry starts.
fn push_code(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

// The facet masks hold one bit per vocabulary value, indexed by declaration order, which the
// `vocabulary!` macro makes the same as `ALL` order.
const _: () = assert!(Approach::ALL.len() <= 32 && CancerType::ALL.len() <= 32);
const _: () = assert!(Stage::ALL.len() <= 32);
// An outcome and a regulator share a byte (see `Record::verdict`): 3 bits and 5, 0 for none.
const _: () = assert!(Outcome::ALL.len() < 8 && Regulator::ALL.len() < 32);

/// BM25 parameters, the usual ones: term frequency saturates around `K1`, and `B` says how much
/// a long text is discounted.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A posting's BM25 share is stored in a byte, in steps of this much (BM25 stays below 30 even
/// at a million records).
pub(crate) const IMPACT_STEP: f32 = 0.125;

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
    /// One plus the outcome in the low 3 bits and one plus the regulator in the high 5, 0 for
    /// none: one byte for both keeps the record at 16 bytes.
    pub verdict: u8,
}

impl Record {
    /// One plus the outcome, 0 for none.
    #[inline]
    pub fn outcome_slot(&self) -> usize {
        usize::from(self.verdict & 7)
    }

    /// One plus the regulator, 0 for none.
    #[inline]
    pub fn regulator_slot(&self) -> usize {
        usize::from(self.verdict >> 3)
    }
}

/// [`Record::verdict`] of `study`.
fn verdict(study: &Study) -> u8 {
    let slot = |value: Option<u8>| value.map_or(0, |v| v + 1);
    slot(study.outcome.map(|o| o as u8)) | slot(study.regulator.map(|r| r as u8)) << 3
}

const _: () = assert!(std::mem::size_of::<Record>() == 16);

/// `Record::year` of an undated record.
pub(crate) const NO_YEAR: i16 = i16::MIN;

/// How much one occurrence in a field counts, in half units: what a record is *about* (title
/// and short label, targets, drugs, trials and their identifiers) counts three times the
/// summary; names of institutions, people and journals half of it, because they say who did the
/// work rather than what it is.
fn weight(field: Option<Field>) -> u8 {
    match field {
        Some(
            Field::Title
            | Field::Label
            | Field::Target(_)
            | Field::Drug(_)
            | Field::Trial(_)
            | Field::Doi
            | Field::Pmid
            | Field::Pmcid
            | Field::Nct
            | Field::TrialNct(_),
        ) => 6,
        Some(Field::Summary | Field::PublicationTitle) => 2,
        // Approach and cancer-type labels, so "melanoma" finds records filed under it.
        None => 1,
        Some(Field::Institution(_) | Field::Person(_) | Field::Journal | Field::Author(_)) => 1,
    }
}

/// Calls `visit` with every searchable text field of `study` that has text, in [`Field`]
/// order; the identifiers, which are not text, are visited by [`ident::identifiers`].
pub(crate) fn fields(study: &Study, mut visit: impl FnMut(Field, &str)) {
    visit(Field::Title, &study.title);
    if let Some(label) = &study.label {
        visit(Field::Label, label);
    }
    visit(Field::Summary, &study.summary);
    fn list(values: &[String], field: fn(usize) -> Field, visit: &mut impl FnMut(Field, &str)) {
        for (i, value) in values.iter().enumerate() {
            visit(field(i), value);
        }
    }
    list(&study.targets, Field::Target, &mut visit);
    list(&study.drugs, Field::Drug, &mut visit);
    for (i, trial) in study.trials.iter().enumerate() {
        if let Some(name) = &trial.name {
            visit(Field::Trial(i), name);
        }
    }
    list(&study.institutions, Field::Institution, &mut visit);
    list(&study.people, Field::Person, &mut visit);
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

/// FxHash: the build interns millions of short terms, where SipHash's DoS resistance buys
/// nothing and costs a third of the build time.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let tail = chunks
            .remainder()
            .iter()
            .fold(0u64, |word, &b| (word << 8) | u64::from(b));
        self.add(tail);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The id of `term`, interned with a fresh state if it is new.
#[inline]
fn intern(ids: &mut FxMap<Box<str>, u32>, states: &mut Vec<TermState>, term: &str) -> u32 {
    match ids.get(term) {
        Some(&id) => id,
        None => {
            let id = states.len() as u32;
            ids.insert(term.into(), id);
            states.push(TermState::default());
            id
        }
    }
}

/// Term ids for texts, interning new terms as they come.
#[derive(Default)]
struct Interner {
    ids: FxMap<Box<str>, u32>,
    /// Per term id, what the build keeps while it walks the records.
    states: Vec<TermState>,
    tokens: Tokens,
    /// The terms of short texts that repeat across records (names of institutions, people and
    /// journals, targets, labels), so each distinct one is tokenised and looked up once: a
    /// range of `cached` per text. Dropped with the builder.
    cache: FxMap<Box<str>, (u32, u32)>,
    cached: Vec<(u32, bool)>,
}

/// One term while the records are walked.
#[derive(Clone, Copy, Default)]
struct TermState {
    /// How many records contain the term.
    df: u32,
    /// One past the position in [`Entries`] of the term's entry for the latest record holding
    /// it (0: none yet), so a repeat in the same record adds to that entry.
    entry: u32,
}

/// Every record's distinct terms with their weights, record after record: the postings
/// transposed, turned into postings once the document frequencies are known, in one
/// counting-sort pass. Instead of a growing list per term (a fifth of a million allocations at
/// 100k records), entries are kept in blocks of [`BLOCK`]: the store grows without copying and
/// without the slack of a doubling list, which would add to the build's peak memory.
#[derive(Default)]
struct Entries {
    /// Entry `i` is `terms[i / BLOCK][i % BLOCK]`, and the same in `weights`.
    terms: Vec<Vec<u32>>,
    weights: Vec<Vec<u8>>,
    len: u32,
    /// Record `doc`'s entries are `starts[doc]..starts[doc + 1]`.
    starts: Vec<u32>,
}

const BLOCK: usize = 1 << 16;

impl Entries {
    fn push(&mut self, term: u32, weight: u8) {
        if (self.len as usize).is_multiple_of(BLOCK) {
            self.terms.push(Vec::with_capacity(BLOCK));
            self.weights.push(Vec::with_capacity(BLOCK));
        }
        let block = self.len as usize / BLOCK;
        self.terms[block].push(term);
        self.weights[block].push(weight);
        self.len += 1;
    }

    fn get(&self, entry: u32) -> (u32, u8) {
        let (block, at) = (entry as usize / BLOCK, entry as usize % BLOCK);
        (self.terms[block][at], self.weights[block][at])
    }

    fn weight_mut(&mut self, entry: u32) -> &mut u8 {
        &mut self.weights[entry as usize / BLOCK][entry as usize % BLOCK]
    }
}

impl Interner {
    /// Appends the terms of `text` to `out`, each with whether it takes a position (a part).
    fn terms(&mut self, text: &str, repeats: bool, out: &mut Vec<(u32, bool)>) {
        if repeats && let Some(&(start, end)) = self.cache.get(text) {
            out.extend_from_slice(&self.cached[start as usize..end as usize]);
            return;
        }
        self.tokens.tokenize(text);
        let (ids, states) = (&mut self.ids, &mut self.states);
        self.tokens.terms(|term, _, _, kind| {
            out.push((intern(ids, states, term), kind == TermKind::Part));
        });
        if repeats {
            let start = self.cached.len() as u32;
            self.cached.extend_from_slice(out);
            self.cache
                .insert(text.into(), (start, self.cached.len() as u32));
        }
    }
}

/// Adds an occurrence of term `id` with `weight` to the record whose entries start at
/// `record_start`.
#[inline]
fn occur(states: &mut [TermState], entries: &mut Entries, record_start: u32, id: u32, weight: u8) {
    let state = &mut states[id as usize];
    if state.entry > record_start {
        let total = entries.weight_mut(state.entry - 1);
        *total = total.saturating_add(weight);
    } else {
        state.df += 1;
        entries.push(id, weight);
        state.entry = entries.len;
    }
}

/// Builds the index over `studies` in one go.
pub(crate) fn build(studies: &[Study]) -> SearchIndex {
    IndexBuilder::new(studies).finish(studies)
}

/// A build that can stop every few records and go on later, so indexing many records never
/// blocks the page for long: [`IndexBuilder::step`] as often as needed, then
/// [`IndexBuilder::finish`]. Every call must be given the same records.
pub struct IndexBuilder {
    /// Everything but the text, done at the start; the text is added by `finish`.
    index: SearchIndex,
    phase: Phase,
}

enum Phase {
    /// Walking the records' text.
    Terms(Terms),
    /// Laying the terms' entries out as postings, record by record.
    Postings(Postings),
}

/// The text walk so far.
struct Terms {
    interner: Interner,
    /// Parts are coded by the order their terms were first met (plus one; 0 is a field gap):
    /// frequent words come early and take one or two bytes instead of four.
    seq: Vec<u8>,
    seq_starts: Vec<u32>,
    field_terms: Vec<(u32, bool)>,
    lens: Vec<u32>,
    entries: Entries,
}

/// The postings so far: records before `doc` are laid out.
struct Postings {
    doc: usize,
    entries: Entries,
    lens: Vec<u32>,
    mean_len: f32,
    /// The dictionary, sorted; a term's id is its position.
    terms: Vec<(Box<str>, u32)>,
    /// First-met order to dictionary order.
    sorted_id: Vec<u32>,
    idf: Vec<f32>,
    /// Where each term's next posting goes.
    next: Vec<u32>,
    post_starts: Vec<u32>,
    post_docs: Vec<u32>,
    post_impacts: Vec<u8>,
    seq: Vec<u8>,
    seq_starts: Vec<u32>,
    seq_codes: Vec<u32>,
}

impl fmt::Debug for IndexBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IndexBuilder")
            .field("percent", &self.percent())
            .finish_non_exhaustive()
    }
}

/// How often a build asks whether to go on, in records.
const CHECK_EVERY: usize = 32;
/// The share of the build, in percent, that walking the text takes.
const TERMS_PERCENT: usize = 85;

impl IndexBuilder {
    /// A build over `studies`; what is not text (filters, facets, date order) is indexed now.
    pub fn new(studies: &[Study]) -> Self {
        let mut entries = Entries::default();
        entries.starts.reserve(studies.len() + 1);
        entries.starts.push(0);
        let mut seq_starts = Vec::with_capacity(studies.len() + 1);
        seq_starts.push(0);
        Self {
            index: records_only(studies),
            phase: Phase::Terms(Terms {
                interner: Interner::default(),
                seq: Vec::new(),
                seq_starts,
                field_terms: Vec::new(),
                lens: Vec::with_capacity(studies.len()),
                entries,
            }),
        }
    }

    /// The index without its text, to show the records while the build goes on: filters,
    /// facets and date order work, and a query with text gets
    /// [`Results::pending`](super::Results::pending) until the finished index takes its place.
    pub fn records_only(&self) -> SearchIndex {
        self.index.clone()
    }

    /// How far the build is, in percent (100: `finish` has only small work left).
    pub fn percent(&self) -> u8 {
        let len = self.index.len().max(1);
        let percent = match &self.phase {
            Phase::Terms(terms) => terms.lens.len() * TERMS_PERCENT / len,
            Phase::Postings(postings) => TERMS_PERCENT + postings.doc * (100 - TERMS_PERCENT) / len,
        };
        percent.min(100) as u8
    }

    /// Goes on with the build while `more()` says so (asked every few records); true when all
    /// is done but [`IndexBuilder::finish`].
    pub fn step(&mut self, studies: &[Study], mut more: impl FnMut() -> bool) -> bool {
        self.step_with(studies, &mut more)
    }

    /// [`IndexBuilder::step`] with the question behind a pointer, so the build's code exists
    /// once in the wasm rather than once per caller's closure.
    fn step_with(&mut self, studies: &[Study], more: &mut dyn FnMut() -> bool) -> bool {
        loop {
            match &mut self.phase {
                Phase::Terms(terms) => {
                    if !terms.walk(studies, more) {
                        return false;
                    }
                    let Phase::Terms(terms) =
                        std::mem::replace(&mut self.phase, Phase::Postings(Postings::empty()))
                    else {
                        unreachable!("the phase was just matched");
                    };
                    self.phase = Phase::Postings(terms.into_postings(studies.len()));
                    if !more() {
                        return false;
                    }
                }
                Phase::Postings(postings) => return postings.lay_out(more),
            }
        }
    }

    /// The index; whatever `step` has not done yet is done now.
    pub fn finish(mut self, studies: &[Study]) -> SearchIndex {
        self.step_with(studies, &mut || true);
        let Phase::Postings(postings) = self.phase else {
            unreachable!("`step` with no limit ends with the postings laid out");
        };
        let Postings {
            terms,
            post_starts,
            post_docs,
            post_impacts,
            seq,
            seq_starts,
            seq_codes,
            ..
        } = postings;
        let mut index = self.index;
        index.dict = Dict::from_sorted(terms.iter().map(|(term, _)| &**term));
        index.post_starts = post_starts;
        index.post_docs = post_docs;
        index.post_impacts = post_impacts;
        index.seq_starts = seq_starts;
        index.seq = seq;
        index.seq_codes = seq_codes;
        index.text_pending = false;
        index
    }
}

impl Terms {
    /// Walks records while `more()` says so; true when all of `studies` are walked.
    fn walk(&mut self, studies: &[Study], more: &mut dyn FnMut() -> bool) -> bool {
        while let Some(study) = studies.get(self.lens.len()) {
            self.add(study);
            if self.lens.len().is_multiple_of(CHECK_EVERY) && !more() {
                break;
            }
        }
        self.lens.len() >= studies.len()
    }

    /// One record's terms, weights and parts.
    fn add(&mut self, study: &Study) {
        let Self {
            interner,
            seq,
            field_terms,
            entries,
            ..
        } = self;
        let record_start = entries.len;
        let mut len = 0u32;
        let mut add_text = |field: Option<Field>, text: &str| {
            let repeats = !matches!(
                field,
                Some(Field::Title | Field::Label | Field::Summary | Field::PublicationTitle)
            );
            field_terms.clear();
            interner.terms(text, repeats, field_terms);
            let weight = weight(field);
            for &(id, part) in field_terms.iter() {
                occur(&mut interner.states, entries, record_start, id, weight);
                if part {
                    push_code(seq, id + 1);
                    len += 1;
                }
            }
            push_code(seq, GAP);
        };
        fields(study, |field, text| add_text(Some(field), text));
        for approach in &study.approaches {
            add_text(None, approach.label());
        }
        for cancer_type in &study.cancer_types {
            add_text(None, cancer_type.label());
        }
        // Identifiers, and trial names run together ("checkmate067"), are more ways to find the
        // record rather than text: no phrase spans them and they add nothing to its length.
        let Interner {
            ids,
            states,
            tokens,
            ..
        } = interner;
        ident::whole_terms(study, tokens, |term, field| {
            let id = intern(ids, states, term);
            occur(states, entries, record_start, id, weight(field));
        });
        self.seq_starts.push(self.seq.len() as u32);
        self.entries.starts.push(self.entries.len);
        self.lens.push(len);
    }

    /// Sorts the dictionary and makes room for the postings, now that every term's document
    /// frequency is known.
    fn into_postings(self, records: usize) -> Postings {
        let Self {
            interner,
            mut seq,
            seq_starts,
            lens,
            entries,
            ..
        } = self;
        // Before the postings are laid out, so the two peaks do not add up.
        seq.shrink_to_fit();
        let Interner { ids, states, .. } = interner;
        // Term ids become positions in the sorted dictionary, so a prefix is a range of ids.
        let terms = sorted_terms(ids);
        let mut seq_codes = vec![0u32; terms.len()];
        let mut sorted_id = vec![0u32; terms.len()];
        let mut post_starts = Vec::with_capacity(terms.len() + 1);
        let mut idf = Vec::with_capacity(terms.len());
        let records_f = records as f32;
        post_starts.push(0u32);
        for (new, (_, old)) in terms.iter().enumerate() {
            seq_codes[new] = old + 1;
            sorted_id[*old as usize] = new as u32;
            let df = states[*old as usize].df;
            post_starts.push(post_starts[new] + df);
            let df = df as f32;
            idf.push((1.0 + (records_f - df + 0.5) / (df + 0.5)).ln());
        }
        let mean_len =
            (lens.iter().map(|&l| u64::from(l)).sum::<u64>() as f32 / records_f.max(1.0)).max(1.0);
        let total = entries.len as usize;
        Postings {
            doc: 0,
            mean_len,
            next: post_starts[..terms.len()].to_vec(),
            post_docs: vec![0u32; total],
            post_impacts: vec![0u8; total],
            entries,
            lens,
            terms,
            sorted_id,
            idf,
            post_starts,
            seq,
            seq_starts,
            seq_codes,
        }
    }
}

/// The interned terms in byte order, with their first-met ids. Sorted by their first eight
/// bytes as a number first, then each run sharing those by the whole text: most comparisons
/// are then of two integers. On 87k words of 100k synthetic records (natively, at this
/// crate's `opt-level = "z"`): 8 ms against 31–36 ms for comparing whole strings.
fn sorted_terms(ids: FxMap<Box<str>, u32>) -> Vec<(Box<str>, u32)> {
    let key = |term: &str| {
        let mut bytes = [0u8; 8];
        let head = &term.as_bytes()[..term.len().min(8)];
        bytes[..head.len()].copy_from_slice(head);
        u64::from_be_bytes(bytes)
    };
    let mut terms: Vec<(u64, Box<str>, u32)> = ids
        .into_iter()
        .map(|(term, id)| (key(&term), term, id))
        .collect();
    terms.sort_unstable_by_key(|(key, _, _)| *key);
    for run in terms.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            crate::order::sort_by(run, |a, b| a.1.cmp(&b.1));
        }
    }
    terms.into_iter().map(|(_, term, id)| (term, id)).collect()
}

impl Postings {
    fn empty() -> Self {
        Self {
            doc: 0,
            entries: Entries::default(),
            lens: Vec::new(),
            mean_len: 1.0,
            terms: Vec::new(),
            sorted_id: Vec::new(),
            idf: Vec::new(),
            next: Vec::new(),
            post_starts: Vec::new(),
            post_docs: Vec::new(),
            post_impacts: Vec::new(),
            seq: Vec::new(),
            seq_starts: Vec::new(),
            seq_codes: Vec::new(),
        }
    }

    /// Lays out records' postings while `more()` says so; true when every record's are.
    /// Each term's postings are filled in record order, so they come out ascending; the BM25
    /// share of the term in each record is computed here once, so a query only looks it up.
    fn lay_out(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        let records = self.lens.len();
        while self.doc < records {
            let doc = self.doc;
            let norm = K1 * (1.0 - B + B * self.lens[doc] as f32 / self.mean_len);
            for entry in self.entries.starts[doc]..self.entries.starts[doc + 1] {
                let (old, weight) = self.entries.get(entry);
                let term = self.sorted_id[old as usize] as usize;
                let at = self.next[term] as usize;
                self.next[term] += 1;
                self.post_docs[at] = doc as u32;
                let tf = f32::from(weight) / 2.0;
                let bm25 = self.idf[term] * tf * (K1 + 1.0) / (tf + norm);
                // Rounded by adding a half (the share is never negative): `f32::round` is a
                // libm call on wasm32, and this runs once per posting.
                self.post_impacts[at] = (bm25 / IMPACT_STEP + 0.5).clamp(1.0, 255.0) as u8;
            }
            self.doc += 1;
            if self.doc.is_multiple_of(CHECK_EVERY) && self.doc < records && !more() {
                return false;
            }
        }
        // The walk's store is no longer needed; the postings are all that is kept.
        self.entries = Entries::default();
        true
    }
}

/// An index of everything but the text: filters, facets and date order work, and a query with
/// text is answered with [`Results::pending`](super::Results::pending) set.
fn records_only(studies: &[Study]) -> SearchIndex {
    let mut records = Vec::with_capacity(studies.len());
    let mut inst_by_name: HashMap<String, u32> = HashMap::new();
    let mut inst_names: Vec<String> = Vec::new();
    let mut inst_starts = Vec::with_capacity(studies.len() + 1);
    let mut inst_ids = Vec::new();
    inst_starts.push(0);
    for study in studies {
        let start = inst_ids.len();
        for name in &study.institutions {
            let id = match inst_by_name.get(name) {
                Some(&id) => id,
                None => {
                    let id = inst_names.len() as u32;
                    inst_by_name.insert(name.clone(), id);
                    inst_names.push(name.clone());
                    id
                }
            };
            // Kept sorted as they come (a record names a few): a sort here compiled a copy of
            // the standard sort into the app's wasm.
            if let Err(at) = inst_ids[start..].binary_search(&id) {
                inst_ids.insert(start + at, id);
            }
        }
        inst_starts.push(inst_ids.len() as u32);

        records.push(Record {
            approaches: study.approaches.iter().fold(0, |m, &a| m | 1 << a as u32),
            cancer_types: study.cancer_types.iter().fold(0, |m, &c| m | 1 << c as u32),
            date_rank: 0,
            year: study
                .date
                .map_or(NO_YEAR, |d| d.year.clamp(-32_000, 32_000) as i16),
            stage: study.stage as u8,
            verdict: verdict(study),
        });
    }

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
        crate::order::sort_by(&mut by_date, |&a, &b| date_key(a).cmp(&date_key(b)));
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
        // No record's text is indexed yet; [`IndexBuilder::finish`] fills these in.
        dict: Dict::default(),
        post_starts: vec![0],
        post_docs: Vec::new(),
        post_impacts: Vec::new(),
        seq_starts: vec![0; studies.len() + 1],
        seq: Vec::new(),
        seq_codes: Vec::new(),
        text_pending: !studies.is_empty(),
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
    /// units of [`IMPACT_STEP`]).
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
