// The checkout page: renders the cart and its total into the page.
import { cartTotal, type LineItem } from './cart.ts';
import { formatCents } from './format.ts';

export function renderCheckout(items: LineItem[]): string {
  const rows = items.map((item) => `<li>${item.quantity} × ${item.name}</li>`).join('');
  return `<ul>${rows}</ul><p>Total: ${formatCents(cartTotal(items))}</p>`;
}
