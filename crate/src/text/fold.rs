//! Folds one character to the plain lowercase form rules match against, so
//! "Ｆ", "ⓕ", "𝐟", "ф"-style look-alikes and accented letters all read as
//! "f". Invisible characters (zero-width, bidi controls, variation
//! selectors, soft hyphens) fold to nothing. Look-alike tables come from
//! the `decancer` crate; see docs/DEPENDENCIES.md.

/// The folded form of one character: nothing, one char, or a short string.
pub enum Folded {
    Nothing,
    Char(char),
    Str(String),
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
        'ß' => return Folded::Str("ss".into()),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => return Folded::Char('\''),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => return Folded::Char(' '),
        _ => {}
    }
    // Only letters, digits and enclosed/styled alphanumerics are look-alikes;
    // emoji and other symbols stay what they are (decancer maps some emoji to
    // letters, which would glue words together).
    if !(c.is_alphanumeric() || is_enclosed_alphanumeric(c)) {
        return Folded::Char(c);
    }
    match decancer::cure_char(c, decancer::Options::default()) {
        // decancer's output is already lower case ASCII.
        decancer::Translation::Character(f) => Folded::Char(f.to_ascii_lowercase()),
        decancer::Translation::String(s) => Folded::Str(s.to_ascii_lowercase()),
        decancer::Translation::None => Folded::Nothing,
    }
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

fn is_enclosed_alphanumeric(c: char) -> bool {
    matches!(c, '\u{2460}'..='\u{24FF}' | '\u{1F100}'..='\u{1F1FF}')
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
                Folded::Str(s) => out.push_str(&s),
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
