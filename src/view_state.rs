//! The view a URL describes. PLACEHOLDER: replaced by the full parser/writer in its own change.

/// Everything that defines what the user sees.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub q: String,
}
