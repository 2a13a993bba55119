// The import/export worker (src/exchange/protocol.rs): loads the `exchange` wasm, which Trunk
// builds from src/exchange_worker.rs under fixed names, posts "loaded" once it is ready, and
// answers each message `[id, bytes]` from the app with `[id, bytes]`, or `[id, "what went
// wrong"]`. After an error the wasm may be in any state, so the worker then closes; the app
// starts a new one when it next needs one.
let loaded = false;
let ready;
try {
  importScripts("./exchange.js");
  ready = wasm_bindgen({ module_or_path: "./exchange_bg.wasm" });
} catch (error) {
  ready = Promise.reject(error);
}
ready.then(
  () => {
    loaded = true;
    postMessage("loaded");
  },
  () => {},
);
onmessage = async ({ data: [id, bytes] }) => {
  try {
    await ready;
    const reply = wasm_bindgen.handle(bytes);
    postMessage([id, reply], [reply.buffer]);
  } catch (error) {
    const why = String(error?.message ?? error);
    postMessage([
      id,
      loaded
        ? `the import/export helper stopped unexpectedly (${why})`
        : `the import/export helper could not be loaded (${why})`,
    ]);
    close();
  }
};
