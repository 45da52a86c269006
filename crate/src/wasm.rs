//! The WebAssembly face of the core, for the extension's background. It only
//! translates: JavaScript objects in, plain JSON-shaped objects out. Offsets
//! are UTF-16 code units, ready for JavaScript strings.
//!
//! The context is read field by field rather than through
//! serde-wasm-bindgen's deserializer, which brought serde's number formatting
//! and error machinery along: 47 KB of the wasm (measured), for an object of
//! a few strings; findings go out built by hand too, each made by one small
//! JavaScript function (`make_finding`). Names ("brand", "dm") still come
//! from the types' serde derives, through a string-only deserializer
//! (1.2 KB).

use std::borrow::Cow;
use std::cell::RefCell;

use js_sys::{Array, Reflect};
use rustc_hash::FxHashMap;
use serde::de::value::{Error as ValueError, StringDeserializer};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::{Account, Action, Category, Context, Finding, Settings, Severity};

/// Talc instead of the default dlmalloc: smaller in the wasm and faster on
/// the many small allocations a check makes (see docs/DEPENDENCIES.md).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(start)]
fn start() {
    // A panic, told in the background's console. The wasm carries no panic
    // locations (`cargo xtask build` leaves them out for size) and
    // formatting the message costs 2 KB more; the CLI, given the same text,
    // shows both.
    std::panic::set_hook(Box::new(|_| {
        console_error("postguard: a check failed; `postguard check` on the same text shows where");
    }));
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

#[wasm_bindgen(
    inline_js = "export function make_finding(category, rule, severity, start, end, message, lesson, kind, hint) {
  const finding = { category, rule, severity, start, end, message, lesson };
  if (kind !== undefined) finding.action = hint === undefined ? { kind } : { kind, hint };
  return finding;
}"
)]
extern "C" {
    /// The finding object; `kind` and `hint` are undefined when the finding
    /// has no action or the action no hint.
    #[allow(clippy::too_many_arguments)]
    fn make_finding(
        category: &JsValue,
        rule: &JsValue,
        severity: &JsValue,
        start: u32,
        end: u32,
        message: &str,
        lesson: &JsValue,
        kind: &JsValue,
        hint: &JsValue,
    ) -> JsValue;
}

/// The JavaScript strings made so far, and where each text's string is. The
/// index is the lexicon's map type, `&str` to `Vec<u32>` (one entry per
/// text): a map of any other type would bring its own copy of the map's
/// code, about 2 KB of wasm.
type FixedStrings = (FxHashMap<&'static str, Vec<u32>>, Vec<JsValue>);

thread_local! {
    /// JavaScript strings for the core's fixed texts (keys, ids, lessons),
    /// made once: decoding the same strings again for every finding took
    /// about a fifth of a long post's time.
    static FIXED: RefCell<FixedStrings> = RefCell::new(Default::default());
}

/// Where the JavaScript string for `text` is in `made`, made on first use.
fn slot(strings: &mut FixedStrings, text: &'static str) -> usize {
    let (index, made) = strings;
    index.entry(text).or_insert_with(|| {
        made.push(JsValue::from_str(text));
        vec![made.len() as u32 - 1]
    })[0] as usize
}

/// A finding as a plain object, keys in the order the CLI's JSON has them,
/// made in one call: setting a dozen fields one by one from the wasm took
/// a dozen calls into JavaScript per finding (`Reflect.set`), and an object
/// literal gives every finding the same shape. The core's fixed texts are
/// lent from `FIXED`, not cloned: a clone and its drop are two externref
/// table operations.
fn finding_to_js(f: &Finding) -> JsValue {
    let (kind, hint) = match f.action {
        None => (None, None),
        Some(Action::Mask) => (Some("mask"), None),
        Some(Action::Remove) => (Some("remove"), None),
        Some(Action::Rephrase { hint }) => (Some("rephrase"), Some(hint)),
    };
    FIXED.with(|strings| {
        let strings = &mut *strings.borrow_mut();
        let mut fixed = |text: Option<&'static str>| text.map(|t| slot(strings, t));
        let at = [
            fixed(Some(f.category.id())),
            fixed(Some(f.rule)),
            fixed(Some(severity_name(f.severity))),
            fixed(match f.lesson {
                Cow::Borrowed(lesson) => Some(lesson),
                Cow::Owned(_) => None,
            }),
            fixed(kind),
            fixed(hint),
        ];
        let made = &strings.1;
        let undefined = JsValue::UNDEFINED;
        let value = |i: usize| at[i].map_or(&undefined, |slot| &made[slot]);
        let owned_lesson = match &f.lesson {
            Cow::Owned(lesson) => JsValue::from_str(lesson),
            Cow::Borrowed(_) => JsValue::UNDEFINED,
        };
        let lesson = if at[3].is_some() { value(3) } else { &owned_lesson };
        make_finding(value(0), value(1), value(2), f.start, f.end, &f.message, lesson, value(4), value(5))
    })
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

fn string_array(list: &[&str]) -> JsValue {
    list.iter().map(|s| JsValue::from_str(s)).collect::<Array>().into()
}

/// Checks `text`; `context` is `{site, account: {handle, kind}, surface,
/// settings}` or `undefined`. Returns the findings array.
#[wasm_bindgen]
pub fn check(text: &str, context: JsValue) -> Result<JsValue, JsError> {
    let ctx: Context = if context.is_undefined() || context.is_null() {
        Context::default()
    } else {
        read_context(&context).map_err(|e| JsError::new(&format!("bad context: {e}")))?
    };
    Ok(crate::check(text, &ctx).iter().map(finding_to_js).collect::<Array>().into())
}

/// `object[key]` as a string, `None` when absent.
fn string(object: &JsValue, key: &'static str) -> Result<Option<String>, String> {
    let value = field(object, key)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| format!("{key} must be a string"))
}

/// `object[key]`; undefined when `object` has no such field. The key's
/// JavaScript string is made once (`FIXED`), not at every check.
fn field(object: &JsValue, key: &'static str) -> Result<JsValue, String> {
    let value = FIXED.with(|strings| {
        let strings = &mut *strings.borrow_mut();
        let at = slot(strings, key);
        Reflect::get(object, &strings.1[at])
    });
    value.map_err(|_| format!("{key} cannot be read"))
}

/// `object[key]` as an object, `None` when absent.
fn object(object: &JsValue, key: &'static str) -> Result<Option<JsValue>, String> {
    let value = field(object, key)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() || Array::is_array(&value) {
        return Err(format!("{key} must be an object"));
    }
    Ok(Some(value))
}

/// `object[key]` as a list of strings, empty when absent.
fn strings(object: &JsValue, key: &'static str) -> Result<Vec<String>, String> {
    let value = field(object, key)?;
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !Array::is_array(&value) {
        return Err(format!("{key} must be a list"));
    }
    Array::from(&value).iter().map(|item| item.as_string().ok_or_else(|| format!("{key} must hold strings"))).collect()
}

/// `object[key]` read as one of `T`'s names ("brand", "dm", "strict"), or
/// `T::default()` when absent. The names come from `T`'s own serde derive,
/// through a string-only deserializer, which brings none of serde's number
/// handling into the wasm.
fn named<T: DeserializeOwned + Default>(object: &JsValue, key: &'static str) -> Result<T, String> {
    match string(object, key)? {
        None => Ok(T::default()),
        Some(name) => T::deserialize(StringDeserializer::<ValueError>::new(name.clone()))
            .map_err(|_| format!("{key} cannot be \"{name}\"")),
    }
}

fn read_account(value: &JsValue) -> Result<Account, String> {
    Ok(Account { handle: string(value, "handle")?, kind: named(value, "kind")? })
}

fn read_settings(value: &JsValue) -> Result<Settings, String> {
    let disabled_categories = strings(value, "disabled_categories")?
        .iter()
        .map(|id| Category::from_id(id).ok_or_else(|| format!("no category \"{id}\"")))
        .collect::<Result<_, _>>()?;
    Ok(Settings {
        disabled_categories,
        sensitivity: named(value, "sensitivity")?,
        watch_list: strings(value, "watch_list")?,
        allow_list: strings(value, "allow_list")?,
    })
}

/// The context as the background builds it (see `coreContext` there).
fn read_context(value: &JsValue) -> Result<Context, String> {
    if !value.is_object() {
        return Err("the context must be an object".into());
    }
    Ok(Context {
        site: string(value, "site")?,
        account: object(value, "account")?.as_ref().map(read_account).transpose()?,
        surface: named(value, "surface")?,
        reply_to: string(value, "reply_to")?,
        previous_account: object(value, "previous_account")?.as_ref().map(read_account).transpose()?,
        settings: object(value, "settings")?.as_ref().map(read_settings).transpose()?.unwrap_or_default(),
    })
}

/// The category ids, in display order.
#[wasm_bindgen]
pub fn categories() -> JsValue {
    string_array(&Category::ALL.map(Category::id))
}

/// The general tips shown in the popup.
#[wasm_bindgen]
pub fn tips() -> JsValue {
    string_array(crate::tips::TIPS)
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
