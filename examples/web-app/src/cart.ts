// The shop's cart: line items and their total, shown on the checkout page.
export interface LineItem {
  sku: string;
  name: string;
  quantity: number;
  /** Unit price in cents; missing while the price service is still loading. */
  price?: { cents: number; currency: string };
}

export function lineTotal(item: LineItem): number {
  return item.quantity * item.price!.cents;
}

export function cartTotal(items: LineItem[]): number {
  return items.reduce((sum, item) => sum + lineTotal(item), 0);
}
