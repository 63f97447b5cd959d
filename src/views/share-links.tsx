/**
 * Share links for a letter: plain links to each network's own share page,
 * so no third-party script, cookie or tracker ever loads on our pages.
 */
import { messagesFor, type Messages } from "../domain/i18n";

export interface ShareTarget {
  name: string;
  href: string;
}

/** Where a letter can be shared, in the order shown. */
export function shareTargets(url: string, title: string, t: Messages = messagesFor("en")): ShareTarget[] {
  const text = `${title} ${url}`;
  const encoded = { url: encodeURIComponent(url), title: encodeURIComponent(title), text: encodeURIComponent(text) };
  return [
    {
      name: t.letter.shareEmail,
      href: `mailto:?subject=${encoded.title}&body=${encodeURIComponent(t.letter.shareEmailBody(title, url))}`,
    },
    { name: "Bluesky", href: `https://bsky.app/intent/compose?text=${encoded.text}` },
    { name: "X", href: `https://x.com/intent/post?text=${encoded.title}&url=${encoded.url}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${encoded.url}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${encoded.url}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${encoded.text}` },
    { name: "Telegram", href: `https://t.me/share/url?url=${encoded.url}&text=${encoded.title}` },
  ];
}

export function ShareLinks({ url, title, t }: { url: string; title: string; t: Messages }) {
  return (
    <ul class="share-links">
      {shareTargets(url, title, t).map((target) => (
        <li>
          <a
            href={target.href}
            target={target.href.startsWith("mailto:") ? undefined : "_blank"}
            rel="noopener noreferrer"
          >
            {target.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
