import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PasswordSignInForm } from "../../../src/components/PasswordSignInForm";

const PASSWORD = "correct horse battery staple";

/** A promise the test settles by hand, to look at the form while it waits. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderForm(onSubmit: (username: string, password: string) => Promise<void>) {
  const describeError = vi.fn((error: unknown) => (error instanceof Error ? error.message : "?"));
  render(() => <PasswordSignInForm onSubmit={onSubmit} describeError={describeError} />);
  return {
    username: screen.getByLabelText<HTMLInputElement>("Username"),
    password: screen.getByLabelText<HTMLInputElement>("Password"),
    button: screen.getByRole<HTMLButtonElement>("button", { name: "Sign in with password" }),
    describeError,
  };
}

async function typeAndSend(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Username"), username);
  await user.type(screen.getByLabelText("Password"), password);
  await user.keyboard("{Enter}");
}

describe("PasswordSignInForm", () => {
  afterEach(cleanup);

  it("starts idle: labelled fields a password manager understands, a submit button, no alert", () => {
    const { username, password, button } = renderForm(() => Promise.resolve());

    expect(username.getAttribute("autocomplete")).toBe("username");
    expect(password.getAttribute("autocomplete")).toBe("current-password");
    expect(password.type).toBe("password");
    expect(button.type).toBe("submit");
    expect(button.disabled).toBe(false);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("never lets the browser send the form itself, so the password cannot end up in a URL", () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    const { username, password } = renderForm(onSubmit);
    const form = screen.getByRole("form", { name: "Sign in with a username and password" });
    username.value = "demo";
    password.value = PASSWORD;

    const event = new Event("submit", { bubbles: true, cancelable: true });
    fireEvent(form, event);

    expect(event.defaultPrevented).toBe(true);
    expect(form.getAttribute("method")).toBe("post");
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it("shows progress while waiting: button disabled, status text, fields read-only; one request only", async () => {
    const pending = deferred();
    const onSubmit = vi.fn(() => pending.promise);
    const { username, password, button } = renderForm(onSubmit);

    await typeAndSend("demo", PASSWORD);

    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe("Signing in…");
    expect(screen.getByRole("status").textContent).toBe("Signing in with your password…");
    expect(username.readOnly).toBe(true);
    expect(password.readOnly).toBe(true);
    fireEvent.submit(screen.getByRole("form"));
    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onSubmit).toHaveBeenCalledWith("demo", PASSWORD);

    pending.resolve();
    await vi.waitFor(() => expect(button.disabled).toBe(false));
  });

  it("clears the password once sign-in succeeded", async () => {
    const { password } = renderForm(() => Promise.resolve());

    await typeAndSend("demo", PASSWORD);

    await vi.waitFor(() => expect(password.value).toBe(""));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("after a failure: the message in an alert, the username kept, the password cleared and focused", async () => {
    const { username, password, button, describeError } = renderForm(() =>
      Promise.reject(new Error("This account is locked. Contact your administrator.")),
    );

    await typeAndSend(" demo ", PASSWORD);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("This account is locked. Contact your administrator.");
    expect(describeError).toHaveBeenCalledOnce();
    expect(username.value).toBe(" demo ");
    expect(password.value).toBe("");
    expect(document.activeElement).toBe(password);
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(password.getAttribute("aria-describedby")).toBe(alert.id);
    expect(button.disabled).toBe(false);
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("leaves no trace of the password in the page after a failure", async () => {
    renderForm(() => Promise.reject(new Error("Wrong username or password.")));

    await typeAndSend("demo", PASSWORD);
    await screen.findByRole("alert");

    expect(document.body.innerHTML).not.toContain(PASSWORD);
    for (const input of document.querySelectorAll("input")) expect(input.value).not.toBe(PASSWORD);
  });

  it("sends the username without the spaces a paste or autofill may add", async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderForm(onSubmit);

    await typeAndSend("  demo ", "x");

    expect(onSubmit).toHaveBeenCalledWith("demo", "x");
  });

  it("says what is missing instead of sending an empty field", async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    const { username, password } = renderForm(onSubmit);

    username.value = "demo";
    fireEvent.submit(screen.getByRole("form"));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe("Enter your username and your password.");
    expect(document.activeElement).toBe(password);
  });

  it("lets a person try again after a failure, and the alert goes once they succeed", async () => {
    const onSubmit = vi
      .fn<(username: string, password: string) => Promise<void>>()
      .mockRejectedValueOnce(new Error("Wrong username or password."))
      .mockResolvedValueOnce(undefined);
    const { password } = renderForm(onSubmit);

    await typeAndSend("demo", "wrong");
    await screen.findByRole("alert");
    const user = userEvent.setup();
    await user.type(password, PASSWORD);
    await user.keyboard("{Enter}");

    await vi.waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(onSubmit).toHaveBeenLastCalledWith("demo", PASSWORD);
    expect(password.value).toBe("");
  });
});
