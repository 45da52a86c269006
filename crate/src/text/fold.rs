//! Folds one character to the plain lowercase form rules match against, so
//! "Ｆ", "ⓕ", "𝐟", "ф"-style look-alikes and accented letters all read as
//! "f". Invisible characters (zero-width, bidi controls, variation
//! selectors, soft hyphens) fold to nothing. The look-alike table is the
//! `decancer` crate's, read by build.rs and shipped packed; see
//! docs/DEPENDENCIES.md.

use std::sync::OnceLock;

/// The folded form of one character: nothing, one char, or a short string.
pub enum Folded {
    Nothing,
    Char(char),
    Str(&'static str),
}

pub fn fold_char(c: char) -> Folded {
    if c.is_ascii() {
        return Folded::Char(c.to_ascii_lowercase());
    }
    if is_invisible(c) {
        return Folded::Nothing;
    }
    // Fullwidth ASCII (U+FF01..U+FF5E) is ASCII shifted; keep its symbols.
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
        return Folded::Char(ascii.to_ascii_lowercase());
    }
    match c {
        'ß' => return Folded::Str("ss"),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => return Folded::Char('\''),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => return Folded::Char(' '),
        _ => {}
    }
    // Only letters, digits and enclosed/styled alphanumerics are in the
    // table; emoji and other symbols stay what they are (decancer maps some
    // emoji to letters, which would glue words together).
    let table = Lookalikes::get();
    let Ok(i) = table.chars.binary_search(&(c as u32)) else {
        return Folded::Char(c);
    };
    let fold = table.fold(i);
    let mut chars = fold.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Folded::Nothing,
        (Some(f), None) => Folded::Char(f),
        _ => Folded::Str(fold),
    }
}

/// The look-alike table build.rs wrote (its format is described there):
/// the characters in order, and where each one's fold ends in `folds`.
struct Lookalikes {
    chars: Vec<u32>,
    ends: Vec<u16>,
    folds: String,
}

impl Lookalikes {
    /// Unpacked once, on first use. build.rs wrote the block and a test
    /// reads every entry back against decancer; a broken block would read as
    /// an empty table (no folding), not a panic.
    fn get() -> &'static Lookalikes {
        static TABLE: OnceLock<Lookalikes> = OnceLock::new();
        TABLE.get_or_init(|| {
            let packed = include_bytes!(concat!(env!("OUT_DIR"), "/lookalikes.deflate"));
            let bytes = zune_inflate::DeflateDecoder::new(packed).decode_deflate().unwrap_or_default();
            Lookalikes::read(&bytes).unwrap_or(Lookalikes { chars: Vec::new(), ends: Vec::new(), folds: String::new() })
        })
    }

    fn read(bytes: &[u8]) -> Option<Lookalikes> {
        let mut at = 0;
        let count = varint(bytes, &mut at)? as usize;
        let mut chars = Vec::with_capacity(count);
        let mut code = 0u32;
        for _ in 0..count {
            code += varint(bytes, &mut at)?;
            chars.push(code);
        }
        let mut folds = Vec::with_capacity(bytes.len() - at);
        let mut ends = Vec::with_capacity(count);
        for _ in 0..count {
            let len = *bytes.get(at)? as usize;
            folds.extend_from_slice(bytes.get(at + 1..at + 1 + len)?);
            ends.push(u16::try_from(folds.len()).ok()?);
            at += 1 + len;
        }
        Some(Lookalikes { chars, ends, folds: String::from_utf8(folds).ok()? })
    }

    /// Entry `i`'s fold: from where the one before ends to where it ends.
    fn fold(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { usize::from(self.ends[i - 1]) };
        &self.folds[start..usize::from(self.ends[i])]
    }
}

/// A varint as build.rs writes it: seven bits at a time, lowest first.
pub(crate) fn varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        value |= u32::from(b & 0x7F) << shift;
        if b < 0x80 {
            return Some(value);
        }
    }
    None
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{E0000}'..='\u{E007F}')
        || is_combining_mark(c)
}

/// Combining diacritics: dropped so "fü̈ck" and "f̶u̶c̶k̶" read as plain letters.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match fold_char(c) {
                Folded::Nothing => {}
                Folded::Char(c) => out.push(c),
                Folded::Str(s) => out.push_str(s),
            }
        }
        out
    }

    #[test]
    fn look_alikes_fold_to_plain_letters() {
        assert_eq!(fold("ＦＵＣＫ"), "fuck");
        assert_eq!(fold("ⓕⓤⓒⓚ"), "fuck");
        assert_eq!(fold("𝐟𝐮𝐜𝐤"), "fuck");
        assert_eq!(fold("🅵🆄🅲🅺"), "fuck");
        assert_eq!(fold("shіt"), "shit"); // Cyrillic і
        assert_eq!(fold("Café Niño"), "cafe nino");
    }

    /// The shipped table is decancer's fold, character for character.
    #[test]
    fn the_table_folds_as_decancer_does() {
        let candidate = |c: char| {
            !c.is_ascii() && (c.is_alphanumeric() || matches!(c, '\u{2460}'..='\u{24FF}' | '\u{1F100}'..='\u{1F1FF}'))
        };
        let handled_before = |c: char| is_invisible(c) || ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == 'ß';
        let mut checked = 0;
        for c in (0..=char::MAX as u32).filter_map(char::from_u32).filter(|&c| candidate(c) && !handled_before(c)) {
            let expected = match decancer::cure_char(c, decancer::Options::default()) {
                decancer::Translation::Character(f) => f.to_ascii_lowercase().to_string(),
                decancer::Translation::String(s) => s.to_ascii_lowercase(),
                decancer::Translation::None => String::new(),
            };
            assert_eq!(fold(&c.to_string()), expected, "U+{:04X}", c as u32);
            checked += 1;
        }
        assert!(checked > 100_000, "only {checked} characters checked");
        assert!(Lookalikes::get().chars.len() > 10_000, "the table is nearly empty");
    }

    #[test]
    fn invisible_characters_vanish() {
        assert_eq!(fold("f\u{200B}u\u{200D}c\u{2060}k"), "fuck");
        assert_eq!(fold("\u{202E}shit\u{202C}"), "shit");
        assert_eq!(fold("f\u{0336}u\u{0336}"), "fu");
    }

    #[test]
    fn emoji_and_symbols_are_kept() {
        assert_eq!(fold("a😀b"), "a😀b");
        assert_eq!(fold("＠x"), "@x");
        assert_eq!(fold("it’s"), "it's");
    }
}
