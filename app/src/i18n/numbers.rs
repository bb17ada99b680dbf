//! Counts written per language: the three separators, without the ICU
//! data a general number formatter would weigh in the wasm.

use super::Lang;

/// `n` with its thousands grouped: a narrow no-break space in French, a
/// comma in English, a dot in Dutch.
pub fn grouped(n: i64, lang: Lang) -> String {
    let separator = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
        Lang::Nl => '.',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_per_language() {
        assert_eq!(grouped(999, Lang::En), "999");
        assert_eq!(grouped(1_000, Lang::En), "1,000");
        assert_eq!(grouped(1_234_567, Lang::Nl), "1.234.567");
        assert_eq!(grouped(-12_500, Lang::Fr), "-12\u{202f}500");
        assert_eq!(grouped(0, Lang::Fr), "0");
    }
}
