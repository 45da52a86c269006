//! The WebAssembly face of the core, for the extension's background. It only
//! translates: JavaScript objects in, plain JSON-shaped objects out. Offsets
//! are UTF-16 code units, ready for JavaScript strings.
//!
//! The context is read field by field rather than through serde: serde's
//! deserializer brought its number formatting and error machinery along,
//! 47 KB of the wasm (measured), for an object of a few strings.

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Account, AccountKind, Category, Context, Sensitivity, Settings, Surface};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
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
    to_js(&crate::check(text, &ctx))
}

/// `object[key]` as a string, `None` when absent.
fn string(object: &JsValue, key: &str) -> Result<Option<String>, String> {
    let value = field(object, key)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| format!("{key} must be a string"))
}

/// `object[key]`; undefined when `object` has no such field.
fn field(object: &JsValue, key: &str) -> Result<JsValue, String> {
    Reflect::get(object, &JsValue::from_str(key)).map_err(|_| format!("{key} cannot be read"))
}

/// `object[key]` as an object, `None` when absent.
fn object(object: &JsValue, key: &str) -> Result<Option<JsValue>, String> {
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
fn strings(object: &JsValue, key: &str) -> Result<Vec<String>, String> {
    let value = field(object, key)?;
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !Array::is_array(&value) {
        return Err(format!("{key} must be a list"));
    }
    Array::from(&value).iter().map(|item| item.as_string().ok_or_else(|| format!("{key} must hold strings"))).collect()
}

/// `object[key]`, one of `choices` (by name), or `default` when absent.
fn choice<T: Copy>(object: &JsValue, key: &str, choices: &[(&str, T)], default: T) -> Result<T, String> {
    match string(object, key)? {
        None => Ok(default),
        Some(name) => choices
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, value)| value)
            .ok_or_else(|| format!("{key} cannot be {name:?}")),
    }
}

fn read_account(value: &JsValue) -> Result<Account, String> {
    const KINDS: &[(&str, AccountKind)] =
        &[("brand", AccountKind::Brand), ("personal", AccountKind::Personal), ("unknown", AccountKind::Unknown)];
    Ok(Account { handle: string(value, "handle")?, kind: choice(value, "kind", KINDS, AccountKind::Unknown)? })
}

fn read_settings(value: &JsValue) -> Result<Settings, String> {
    const SENSITIVITIES: &[(&str, Sensitivity)] =
        &[("relaxed", Sensitivity::Relaxed), ("balanced", Sensitivity::Balanced), ("strict", Sensitivity::Strict)];
    let disabled_categories = strings(value, "disabled_categories")?
        .iter()
        .map(|id| Category::from_id(id).ok_or_else(|| format!("no category {id:?}")))
        .collect::<Result<_, _>>()?;
    Ok(Settings {
        disabled_categories,
        sensitivity: choice(value, "sensitivity", SENSITIVITIES, Sensitivity::Balanced)?,
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
        surface: choice(value, "surface", &[("public", Surface::Public), ("dm", Surface::Dm)], Surface::Public)?,
        reply_to: string(value, "reply_to")?,
        previous_account: object(value, "previous_account")?.as_ref().map(read_account).transpose()?,
        settings: object(value, "settings")?.as_ref().map(read_settings).transpose()?.unwrap_or_default(),
    })
}

/// The category ids, in display order.
#[wasm_bindgen]
pub fn categories() -> Result<JsValue, JsError> {
    to_js(&Category::ALL.map(Category::id))
}

/// The general tips shown in the popup.
#[wasm_bindgen]
pub fn tips() -> Result<JsValue, JsError> {
    to_js(crate::tips::TIPS)
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
