// A link to one of the app's screens as a plain anchor (`#/path`: the app routes by the address's hash).
// The browser changes the hash and the router follows it, as after Back. react-router's Link resolves its
// path against the current location on every render (~0.2 ms each): a list of 50 rows, each with a link
// or two, spent 20 ms of its first frame there. Ctrl/middle-click opens a new tab (a new app window on
// the desktop) as with any link.
import { forwardRef, type AnchorHTMLAttributes } from 'react';

export interface AppLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An absolute path of the app, with its query if any: `/purchasing/orders/12?tab=receipts`. */
  to: string;
}

export const AppLink = forwardRef<HTMLAnchorElement, AppLinkProps>(function AppLink({ to, ...props }, ref) {
  return <a ref={ref} href={`#${to}`} {...props} />;
});
