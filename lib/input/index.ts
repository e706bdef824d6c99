export * from './parseNumberInput';
