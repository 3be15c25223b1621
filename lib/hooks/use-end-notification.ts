"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";

// One opt-in for the whole app, kept in localStorage: someone who wants to hear when a plan
// ends wants the same for the next one. The browser's own permission is asked on the click.
const KEY = "trail-imports:end-notifications:v1";
const listeners = new Set<() => void>();

function read(): "on" | "off" | "unsupported" {
  if (typeof Notification === "undefined") return "unsupported";
  try {
    return window.localStorage.getItem(KEY) === "on" && Notification.permission === "granted"
      ? "on"
      : "off";
  } catch {
    return "off";
  }
}

function write(value: "on" | "off"): void {
  try {
    window.localStorage.setItem(KEY, value);
  } catch {
    // Without storage the choice lasts as long as the permission does.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/**
 * The browser-notification opt-in: `state` is "unsupported" where the browser has no
 * notifications and `null` while server-rendering. `enable` asks for permission (it must run in
 * a click handler) and reports the answer in words when it was refused.
 */
export function useNotificationOptIn() {
  const state = useSyncExternalStore(subscribe, read, () => null);
  const enable = useCallback(async (): Promise<string | null> => {
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      write("off");
      return permission === "denied"
        ? "The browser blocks notifications for this site; allow them in the site settings."
        : "Notifications were not allowed.";
    }
    write("on");
    return null;
  }, []);
  const disable = useCallback(() => write("off"), []);
  return { state, enable, disable };
}

/**
 * Shows one notification when `ended` turns true while the page is open and the person opted
 * in. A page opened on something already finished says nothing: it was not watched ending.
 */
export function useEndNotification(options: {
  enabled: boolean;
  ended: boolean | undefined;
  title: string;
  body: string;
  tag: string;
}): void {
  const { enabled, ended, title, body, tag } = options;
  const previous = useRef(ended);
  useEffect(() => {
    const was = previous.current;
    previous.current = ended;
    if (!enabled || was !== false || ended !== true) return;
    // `tag` makes a second tab watching the same plan replace this notification, not add one.
    new Notification(title, { body, tag });
  }, [enabled, ended, title, body, tag]);
}
