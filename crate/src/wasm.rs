//! The WebAssembly face of the core, for the extension's background. It only
//! translates: JavaScript objects in, plain JSON-shaped objects out. Offsets
//! are UTF-16 code units, ready for JavaScript strings.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Category, Context};

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
        serde_wasm_bindgen::from_value(context).map_err(|e| JsError::new(&format!("bad context: {e}")))?
    };
    to_js(&crate::check(text, &ctx))
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
