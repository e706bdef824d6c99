export * from './parseNumberInput';
export * from './urlValues';
