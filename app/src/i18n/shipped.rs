//! The texts a browser needs, shipped beside the wasm rather than in it.
//!
//! A page speaks one language, which the server chose; the browser never
//! switches without a new page (the language switch is a plain form). So
//! the wasm does not carry the three catalogues (about 84 KB of patterns,
//! 25 KB of gzip, in the first piece): the server writes the page
//! language's patterns, in `Msg` order, into a small script,
//! `/texts/<code>.<hash>.js`, which the page loads (`defer`, beside the
//! wasm) before the wasm hydrates. Its name carries a hash of its content,
//! so a browser keeps it for a year and a new catalogue gets a new name.
//! Formatting (arguments, plurals, numbers) stays in Rust on both sides.

use super::markers::SEPARATOR;

/// Where the script leaves the patterns: one string, `SEPARATOR` between
/// two patterns (a string crosses into wasm at once; an array would cross
/// item by item).
const GLOBAL: &str = "__onboardTexts";

#[cfg(feature = "ssr")]
pub use server::{Script, script, script_at};

#[cfg(feature = "ssr")]
mod server {
    use std::sync::LazyLock;

    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use sha2::{Digest, Sha256};

    use super::{GLOBAL, SEPARATOR};
    use crate::i18n::catalogue::pattern;
    use crate::i18n::{Lang, Msg};

    /// One language's texts script: where it is served, and what.
    pub struct Script {
        pub path: String,
        pub body: String,
    }

    static SCRIPTS: LazyLock<[Script; 3]> = LazyLock::new(|| Lang::ALL.map(Script::of));

    impl Script {
        fn of(lang: Lang) -> Script {
            let table = Msg::ALL
                .iter()
                .map(|&msg| pattern(lang, msg).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(SEPARATOR.encode_utf8(&mut [0; 4]));
            // A JSON string is a JavaScript string: the markers and the
            // separator (control characters) come out escaped.
            let literal = serde_json::to_string(&table).unwrap_or_default();
            let body = format!("window.{GLOBAL}={literal};\n");
            // 16 bytes of the digest: 22 characters, the length of
            // cargo-leptos' own hashes.
            let hash = URL_SAFE_NO_PAD.encode(&Sha256::digest(body.as_bytes())[..16]);
            Script {
                path: format!("/texts/{}.{hash}.js", lang.code()),
                body,
            }
        }
    }

    /// The texts script of a page in `lang`.
    pub fn script(lang: Lang) -> &'static Script {
        &SCRIPTS[lang as usize]
    }

    /// The script served at `path`, if it is one of this build's.
    pub fn script_at(path: &str) -> Option<&'static Script> {
        SCRIPTS.iter().find(|s| s.path == path)
    }
}

/// The encoded pattern of `msg` in the page's language: in the browser it
/// is the only language, whatever `lang` asks. Without the script
/// (blocked, or a page of another build) every pattern is missing and a
/// message shows its id: visible, never a crash.
#[cfg(not(feature = "ssr"))]
pub(super) fn pattern(_lang: crate::i18n::Lang, msg: crate::i18n::Msg) -> Option<&'static str> {
    use std::sync::LazyLock;

    use web_sys::js_sys::Reflect;

    // The page's patterns, in `Msg` order, as its texts script left them.
    static PATTERNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let table = web_sys::window()
            .and_then(|window| Reflect::get(&window, &GLOBAL.into()).ok())
            .and_then(|value| value.as_string())
            .unwrap_or_default();
        // Kept for the life of the page, as the compiled tables were.
        String::leak(table).split(SEPARATOR).collect()
    });
    PATTERNS
        .get(msg as usize)
        .copied()
        .filter(|p| !p.is_empty())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::catalogue::pattern;
    use crate::i18n::{Lang, Msg};

    /// What the browser does with a script's body, without a browser: the
    /// JSON string between `=` and `;`, split at the separators.
    fn read_back(body: &str) -> Vec<String> {
        let literal = body
            .strip_prefix(&format!("window.{GLOBAL}="))
            .and_then(|rest| rest.strip_suffix(";\n"))
            .expect("the script assigns one string");
        let table: String = serde_json::from_str(literal).expect("a JSON string");
        table.split(SEPARATOR).map(str::to_owned).collect()
    }

    #[test]
    fn each_script_holds_its_language_in_message_order() {
        for lang in Lang::ALL {
            let patterns = read_back(&script(lang).body);
            assert_eq!(patterns.len(), Msg::ALL.len(), "{lang:?}");
            for (&msg, shipped) in Msg::ALL.iter().zip(&patterns) {
                assert_eq!(
                    Some(shipped.as_str()),
                    pattern(lang, msg),
                    "{lang:?} {msg:?}"
                );
            }
        }
        // A pattern with a selection keeps its markers through JSON.
        let plural = &read_back(&script(Lang::Fr).body)[Msg::MembersCount as usize];
        assert!(plural.contains('\u{3}'), "{plural:?}");
    }

    #[test]
    fn each_language_has_its_own_hashed_name() {
        let paths: Vec<&str> = Lang::ALL.iter().map(|&l| script(l).path.as_str()).collect();
        for (lang, path) in Lang::ALL.iter().zip(&paths) {
            let file = path.strip_prefix("/texts/").expect("under /texts/");
            let mut parts = file.split('.');
            assert_eq!(parts.next(), Some(lang.code()));
            let hash = parts.next().unwrap_or_default();
            assert_eq!(hash.len(), 22, "{path}");
            assert_eq!(parts.next(), Some("js"));
            assert!(std::ptr::eq(script_at(path).expect("found"), script(*lang)));
        }
        assert_ne!(paths[0], paths[1]);
        assert!(script_at("/texts/fr.AAAAAAAAAAAAAAAAAAAAAA.js").is_none());
    }
}
