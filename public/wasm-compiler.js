// Compiles the app's wasm off the page's main thread (scripts loaded by the loader in
// Trunk.toml). Compiling on the page's thread blocked it for tens of milliseconds while the
// bytes streamed in; here the page only instantiates the finished module. Answers with the
// compiled WebAssembly.Module, or with the error's message.
onmessage = async ({ data: [url, init] }) => {
  try {
    postMessage(await WebAssembly.compileStreaming(fetch(url, init)));
  } catch (error) {
    postMessage(String(error?.message ?? error));
  }
};
