//! The `|`-separated word lists written in the rules' code. The `words!`
//! macro makes one a `WordList`: build.rs packs every such list into the
//! deflate stream the lexicon unpacks (`lexicon::packed_text`), and the
//! macro finds the list's place in it at compile time, so the wasm carries
//! the list compressed, not as a plain string. A `WordList` reads as the
//! `&str` it names.

use std::ops::Deref;

include!(concat!(env!("OUT_DIR"), "/words_index.rs"));

/// A list's place in the packed text.
#[derive(Debug, Clone, Copy)]
pub struct WordList {
    start: u32,
    end: u32,
}

impl WordList {
    /// The packed place of `list`; compile-time only (`words!`), where a list
    /// build.rs did not see stops the build.
    pub const fn locate(list: &str) -> WordList {
        let mut i = 0;
        while i < INDEX.len() {
            let (text, start, end) = INDEX[i];
            if same(text.as_bytes(), list.as_bytes()) {
                return WordList { start, end };
            }
            i += 1;
        }
        panic!("build.rs did not pack this words! list: it reads only string literals in src/rules");
    }
}

impl WordList {
    /// The list's text. Not inlined: a call is smaller at each of the
    /// lists' many uses.
    #[inline(never)]
    pub fn text(self) -> &'static str {
        crate::lexicon::packed_text().get(self.start as usize..self.end as usize).unwrap_or("")
    }
}

impl Deref for WordList {
    type Target = str;

    fn deref(&self) -> &str {
        self.text()
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A `|`-separated word list, packed (see the module's notes). Takes string
/// literals, joined as `concat!` joins them.
macro_rules! words {
    ($($part:literal),+ $(,)?) => {{
        const LIST: $crate::words::WordList = $crate::words::WordList::locate(concat!($($part),+));
        LIST
    }};
}
pub(crate) use words;

#[cfg(test)]
mod tests {
    #[test]
    fn a_list_reads_as_written() {
        let list = words!("pin|password|", "passcode");
        assert_eq!(&*list, "pin|password|passcode");
    }
}
