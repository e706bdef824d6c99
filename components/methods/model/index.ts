export * from './groupSizeGrid';
export * from './methodLab';
