// Registers the service worker (sw.js) and offers new versions of the app.
//
// Plain JS, loaded with `defer` by release builds only (scripts/precache.mjs adds the <script>),
// so offline support and updates keep working even if the wasm fails to start. When a new build
// has been installed and is waiting, a banner says "A new version is available" with a Reload
// button; only that click lets the new worker take over (SKIP_WAITING → controllerchange →
// reload), so a tab never mixes two builds.
//
// It also applies the saved theme before the app starts. (A failed start is reported by the
// loader in Trunk.toml.)

// The theme the user chose (platform::set_theme saves it under this key), set before the app
// starts, so the static header does not first show in the system's scheme.
// A theme the address asks for (a page embedding the app matching its own) comes first, and
// the compact view for such a page (`embed=1`) hides the big header at once (src/view_state).
try {
  const asked = /[?&]theme=(light|dark)(&|#|$)/i.exec(location.search)?.[1]?.toLowerCase();
  const theme = asked ?? localStorage.getItem("immunotimeline.theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage can be blocked; the app then follows the system.
}
if (/[?&]embed=(1|true|yes)(&|#|$)/i.test(location.search)) {
  document.documentElement.classList.add("embedded");
}

(() => {
  const sw = navigator.serviceWorker;
  if (!sw) return;

  // A controller change from "none" to the first worker (first visit) needs no reload; any
  // later change means a new build now serves this tab, so it reloads to run that build.
  let controlled = Boolean(sw.controller);
  let reloading = false;
  sw.addEventListener("controllerchange", () => {
    if (controlled && !reloading) {
      reloading = true;
      location.reload();
    }
    controlled = true;
  });

  // Registered once the app has started (or failed to), when the page is idle: installing
  // precaches the whole build, and started earlier that download competed with the page's own
  // wasm on a slow link and its work with the page's start (Lighthouse counted a 90 ms task).
  // Content-hashed files then come from the HTTP cache the page just filled (sw.js).
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    // Relative URL and scope: the app works under any sub-path.
    sw.register("./sw.js", { scope: "./" }).then(watch, (error) =>
      console.warn("Offline support is unavailable:", error),
    );
  };
  const whenIdle = () =>
    "requestIdleCallback" in window
      ? requestIdleCallback(register, { timeout: 3000 })
      : setTimeout(register, 1000);
  // The loader sets `wasmBindings` just before it announces the start.
  if (window.wasmBindings) whenIdle();
  addEventListener("TrunkApplicationStarted", whenIdle, { once: true });
  addEventListener("immunotimeline-start-failed", register, { once: true });
  // A download that never ends must not leave the page without updates for ever.
  setTimeout(register, 30_000);

  function watch(registration) {
    if (registration.waiting && sw.controller) offer(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        // "installed" with an existing controller means an update waits; without one it is
        // the first install, which activates by itself.
        if (worker.state === "installed" && sw.controller) offer(worker);
      });
    });
    // The browser looks for a new sw.js on navigations only; a tab left open for days also
    // looks when it comes back into view. Offline, the check just fails quietly.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
  }

  /** Shows the update banner (once); its button hands control to `worker`. */
  function offer(worker) {
    let banner = document.getElementById("update-banner");
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "update-banner";
      banner.className = "update-banner";
      banner.setAttribute("role", "status");
      const text = document.createElement("p");
      text.textContent = "A new version is available.";
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Reload";
      banner.append(text, button);
      document.body.append(banner);
    }
    banner.querySelector("button").onclick = () => {
      banner.querySelector("button").disabled = true;
      worker.postMessage({ type: "SKIP_WAITING" });
    };
  }
})();
