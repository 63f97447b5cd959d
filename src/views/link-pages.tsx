/**
 * The pages behind the links we email or show: confirming a signature and
 * withdrawing one. Each asks for a button press (a POST), because mail
 * scanners open links by themselves and must not confirm or withdraw anything.
 */
import type { Letter } from "../domain/letter";
import type { SignatoryDetails } from "../domain/signature";
import { Layout } from "./layout";
import { SignatoryEntry } from "./signatory-list";

export function ConfirmPage({ letter, signatory, action, token }: { letter: Letter; signatory: SignatoryDetails; action: string; token: string }) {
  return (
    <Layout meta={{ title: "Confirm your signature", noindex: true }}>
      <h1>Confirm your signature</h1>
      <p>
        On <a href={`/letters/${letter.slug}`}>{letter.title}</a>:
      </p>
      <p class="receipt notice">
        <SignatoryEntry signatory={signatory} />
      </p>
      <form method="post" action={action}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm my signature</button>
      </form>
    </Layout>
  );
}

export function LinkMessagePage({ title, message, letter }: { title: string; message: string; letter: Letter }) {
  return (
    <Layout meta={{ title, noindex: true }}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={`/letters/${letter.slug}`}>Go to the letter: {letter.title}</a>
      </p>
    </Layout>
  );
}

export function WithdrawPage({ letter, action, token }: { letter: Letter; action: string; token: string }) {
  return (
    <Layout meta={{ title: "Withdraw your signature", noindex: true }}>
      <h1>Withdraw your signature</h1>
      <p>
        This removes your signature from <a href={`/letters/${letter.slug}`}>{letter.title}</a>: your name leaves the public
        list, the letter's data and its record, and the counts go down by one. You can sign again later if you wish.
      </p>
      <form method="post" action={action}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">Withdraw my signature</button>
      </form>
    </Layout>
  );
}
