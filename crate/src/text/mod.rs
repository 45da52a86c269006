//! Text preparation: folding look-alike characters to plain lowercase
//! letters (`fold`), and splitting a draft into tokens whose spans map back
//! to the original UTF-16 offsets (`doc`).

mod doc;
mod fold;

pub use doc::{is_sentence_stop, Doc, Token};
pub use fold::fold_char;
pub(crate) use fold::varint;
