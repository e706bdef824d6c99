export * from './groupSizeGrid';
