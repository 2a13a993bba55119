//! The inverted index's build: terms, postings with their BM25 shares, and each record's parts
//! in text order, from texts given record by record. What the texts are (fields, weights) is
//! the caller's business.

use crate::tokenize::{TermKind, Tokens};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Marks a field boundary in a record's part sequence, so a phrase never spans two fields.
const GAP: u32 = 0;

/// Appends `value` to a part sequence in LEB128: seven bits a byte, low bits first, the top bit
/// set on every byte but the last. The code is self-delimiting, so a run of whole entries is
/// found by a byte search that starts where an entry starts.
pub fn push_code(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// BM25 parameters, the usual ones: term frequency saturates around `K1`, and `B` says how much
/// a long text is discounted.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A posting's BM25 share is stored in a byte, in steps of this much (BM25 stays below 30 even
/// at a million records).
pub const IMPACT_STEP: f32 = 0.125;

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
            let id = match ids.get(term) {
                Some(&id) => id,
                None => {
                    let id = states.len() as u32;
                    ids.insert(term.into(), id);
                    states.push(TermState::default());
                    id
                }
            };
            out.push((id, kind == TermKind::Part));
        });
        if repeats {
            let start = self.cached.len() as u32;
            self.cached.extend_from_slice(out);
            self.cache
                .insert(text.into(), (start, self.cached.len() as u32));
        }
    }

    /// Adds an occurrence of term `id` with `weight` to the record whose entries start at
    /// `record_start`.
    #[inline]
    fn occur(&mut self, entries: &mut Entries, record_start: u32, id: u32, weight: u8) {
        let state = &mut self.states[id as usize];
        if state.entry > record_start {
            let total = entries.weight_mut(state.entry - 1);
            *total = total.saturating_add(weight);
        } else {
            state.df += 1;
            entries.push(id, weight);
            state.entry = entries.len;
        }
    }
}

/// Builds the index one record at a time: [`Builder::add_text`] for each of a record's texts,
/// then [`Builder::end_record`]; [`Builder::finish`] after the last record.
#[derive(Default)]
pub struct Builder {
    interner: Interner,
    entries: Entries,
    /// Parts are coded by the order their terms were first met (plus one; 0 is a field gap):
    /// frequent words come early and take one or two bytes instead of four.
    seq: Vec<u8>,
    seq_starts: Vec<u32>,
    /// Per record, how many parts it has: its length for BM25.
    lens: Vec<u32>,
    /// Where the current record's entries start, and its parts so far.
    record_start: u32,
    len: u32,
    field_terms: Vec<(u32, bool)>,
}

/// The built index, terms sorted: term `t` is `terms[t]`, its postings
/// `post_docs[post_starts[t]..post_starts[t + 1]]` (ascending) with their shares in
/// `post_impacts`; record `r`'s parts are `seq[seq_starts[r]..seq_starts[r + 1]]`, term `t`
/// coded there as `seq_codes[t]`.
#[derive(Debug)]
pub struct Built {
    pub terms: Vec<Box<str>>,
    pub post_starts: Vec<u32>,
    pub post_docs: Vec<u32>,
    pub post_impacts: Vec<u8>,
    pub seq: Vec<u8>,
    pub seq_starts: Vec<u32>,
    pub seq_codes: Vec<u32>,
}

impl Builder {
    /// A builder for about `records` records.
    pub fn new(records: usize) -> Self {
        let mut builder = Self::default();
        builder.seq_starts.reserve(records + 1);
        builder.seq_starts.push(0);
        builder.entries.starts.reserve(records + 1);
        builder.entries.starts.push(0);
        builder.lens.reserve(records);
        builder
    }

    /// Adds the terms of `text`, each occurrence counting `weight`, to the current record.
    /// `repeats` says the same text is likely in other records (a name, a label), so its terms
    /// are kept for the next time.
    pub fn add_text(&mut self, text: &str, weight: u8, repeats: bool) {
        self.field_terms.clear();
        self.interner.terms(text, repeats, &mut self.field_terms);
        for &(id, part) in &self.field_terms {
            self.interner
                .occur(&mut self.entries, self.record_start, id, weight);
            if part {
                push_code(&mut self.seq, id + 1);
                self.len += 1;
            }
        }
        push_code(&mut self.seq, GAP);
    }

    /// Ends the current record; the next text goes to a new one.
    pub fn end_record(&mut self) {
        self.seq_starts.push(self.seq.len() as u32);
        self.entries.starts.push(self.entries.len);
        self.lens.push(self.len);
        self.record_start = self.entries.len;
        self.len = 0;
    }

    pub fn finish(self) -> Built {
        let Self {
            interner,
            entries,
            mut seq,
            seq_starts,
            lens,
            ..
        } = self;
        // Before the postings are laid out, so the two peaks do not add up.
        seq.shrink_to_fit();
        let Interner { ids, states, .. } = interner;
        // Term ids become positions in the sorted dictionary, so a prefix is a range of ids.
        let mut terms: Vec<(Box<str>, u32)> = ids.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut seq_codes = vec![0u32; terms.len()];
        let mut sorted_id = vec![0u32; terms.len()];
        let mut post_starts = Vec::with_capacity(terms.len() + 1);
        let mut idf = Vec::with_capacity(terms.len());
        let records_f = lens.len() as f32;
        post_starts.push(0u32);
        for (new, (_, old)) in terms.iter().enumerate() {
            seq_codes[new] = old + 1;
            sorted_id[*old as usize] = new as u32;
            let df = states[*old as usize].df;
            post_starts.push(post_starts[new] + df);
            let df = df as f32;
            idf.push((1.0 + (records_f - df + 0.5) / (df + 0.5)).ln());
        }
        drop(states);
        let mean_len =
            (lens.iter().map(|&l| u64::from(l)).sum::<u64>() as f32 / records_f.max(1.0)).max(1.0);
        // Each term's postings are filled in record order, so they come out ascending; the BM25
        // share of the term in each record is computed here once, so a query only looks it up.
        let total = entries.len as usize;
        let mut post_docs = vec![0u32; total];
        let mut post_impacts = vec![0u8; total];
        let mut next: Vec<u32> = post_starts[..terms.len()].to_vec();
        for (doc, range) in entries.starts.windows(2).enumerate() {
            let norm = K1 * (1.0 - B + B * lens[doc] as f32 / mean_len);
            for entry in range[0]..range[1] {
                let (old, weight) = entries.get(entry);
                let term = sorted_id[old as usize] as usize;
                let at = next[term] as usize;
                next[term] += 1;
                post_docs[at] = doc as u32;
                let tf = f32::from(weight) / 2.0;
                let bm25 = idf[term] * tf * (K1 + 1.0) / (tf + norm);
                // Rounded by adding a half (the share is never negative): `f32::round` is a libm
                // call on wasm32, and this runs once per posting.
                post_impacts[at] = (bm25 / IMPACT_STEP + 0.5).clamp(1.0, 255.0) as u8;
            }
        }
        Built {
            terms: terms.into_iter().map(|(term, _)| term).collect(),
            post_starts,
            post_docs,
            post_impacts,
            seq,
            seq_starts,
            seq_codes,
        }
    }
}
