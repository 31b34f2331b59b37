export * from './payment.js';
export * from './embargoed-jurisdictions.js';
export * from './text-windows.js';
export * from './screen-payment.js';
