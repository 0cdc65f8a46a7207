import { useEffect, useState } from 'react';
import { fetchThumbnail } from '../../api/cases';

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable thumbnail'));
    reader.readAsDataURL(blob);
  });
}

/**
 * An image attachment's thumbnail, fetched with the session's token (an `<img src>` could not
 * send it) and shown as a `data:` URL, which the Content-Security-Policy's `img-src` allows.
 * `null` while it loads or if it cannot be had: the page then shows the file's kind alone.
 */
export function useThumbnail(caseId: string, attachmentId: string, isImage: boolean) {
  const [thumbnail, setThumbnail] = useState<{ key: string; url: string | null } | null>(null);
  const key = `${caseId}/${attachmentId}`;

  useEffect(() => {
    if (!isImage) return;
    let cancelled = false;
    fetchThumbnail(caseId, attachmentId)
      .then(({ blob }) => dataUrlOf(blob))
      .then(
        (url) => {
          if (!cancelled) setThumbnail({ key, url });
        },
        () => {
          if (!cancelled) setThumbnail({ key, url: null });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [caseId, attachmentId, isImage, key]);

  return thumbnail?.key === key ? thumbnail.url : null;
}
