// The numbers of the order of a world's events (eventOrder.ts), apart so that the model's tables can keep them
// (WorldModel.deliveryOrders) without importing the order, which reads the model.

/** A rank's events take 2^24 places: injections, then deliveries (message ids below 2^22), then local events; `rank`:
 *  the rank of the role the event changes (`WorldModel.orderRanks`). */
export function injectionOrder(envelope: number, rank: number): number {
  return rank * 2 ** 24 + 1 + envelope;
}

export function deliveryOrder(envelope: number, rank: number): number {
  return rank * 2 ** 24 + 2 ** 22 + 1 + envelope;
}

export function localOrder(index: number, rank: number): number {
  return rank * 2 ** 24 + 2 ** 23 + 1 + index;
}
